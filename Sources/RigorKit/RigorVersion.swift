/// Rigor's version, as reported in every result document.
public let rigorVersion = "0.1.0"

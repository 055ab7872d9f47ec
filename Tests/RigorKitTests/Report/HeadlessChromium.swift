import Foundation

/// Debian's `chromium` in headless mode: the DOM after loading a page, and what the page wrote
/// to the console (script errors and Content-Security-Policy refusals are logged there).
enum HeadlessChromium {
  static let path = "/usr/bin/chromium"

  struct Page {
    var dom: String
    var console: [String]
  }

  static func load(_ file: URL) throws -> Page {
    let run = try runProgram(path, [
      "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
      "--user-data-dir=" + FileManager.default.temporaryDirectory.appendingPathComponent("rigor-chromium-\(UUID().uuidString.prefix(8))").path,
      "--dump-dom", file.absoluteString,
    ])
    let console = run.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
    return Page(dom: run.stdout, console: console)
  }

  static func screenshot(_ file: URL, to png: URL, width: Int) throws {
    _ = try runProgram(path, [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=\(width),2400",
      "--screenshot=" + png.path, file.absoluteString,
    ])
  }
}

import Foundation

extension RunState {

  func parameter(_ name: String) throws -> ParameterValue? {
    try parameters.get()[name]
  }


  func record(
    _ name: String, _ value: Double, on split: String? = nil,
    location: (file: String, line: Int, column: Int)? = nil
  ) throws {
    try NameRules.checkName(name, kind: "metric")
    if let split { try NameRules.checkName(split, kind: "split") }
    guard value.isFinite else {
      throw RigorRuntimeError("metric '\(name)' is \(value); recorded values must be finite numbers")
    }
    let step = try lock.withLock { () throws -> Int in
      if let earlier = metricSteps[name] {
        throw RigorRuntimeError(
          "metric '\(name)' was already recorded in step \(earlier); record each metric once per run")
      }
      guard metricSteps.count < RigorLimits.maxMetrics else {
        throw RigorRuntimeError("more than \(RigorLimits.maxMetrics) metrics recorded")
      }
      metricSteps[name] = currentStep
      if let split {
        let at = location ?? ("", 0, 0)
        metricSplits.append(
          MetricOnSplit(metric: name, split: split, step: currentStep, file: at.file, line: at.line, column: at.column))
      }
      return currentStep
    }
    var event = ChannelEvent(.record, [.step: .integer(step), .name: .text(name), .value: .number(value)])
    if let split { event[.split] = .text(split) }
    if let channel {
      channel.send(event)
    } else {
      let on = split.map { " on \($0)" } ?? ""
      FileHandle.standardError.write(Data("record \(name) = \(value)\(on)\n".utf8))
    }
  }

  func split(_ name: String, ids: [Int]) throws {
    try NameRules.checkName(name, kind: "split")
    guard ids.count <= RigorLimits.maxSplitIDs else {
      throw RigorRuntimeError(
        "split '\(name)' has \(ids.count) ids; the limit is \(RigorLimits.maxSplitIDs)")
    }
    let step = try lock.withLock { () throws -> Int in
      if let earlier = splitSteps[name] {
        throw RigorRuntimeError("split '\(name)' was already declared in step \(earlier)")
      }
      splitSteps[name] = currentStep
      return currentStep
    }
    let event = ChannelEvent(.split, [.step: .integer(step), .name: .text(name), .ids: .integers(ids)])
    if let channel {
      channel.send(event)
    } else {
      FileHandle.standardError.write(Data("split \(name): \(ids.count) ids\n".utf8))
    }
  }


  /// Sends progress at most ten times a second (and always on completion), so a tight loop
  /// calling `progress` does not flood the channel.
  func progress(_ fraction: Double, _ message: String) {
    guard let channel else { return }
    let now = MonotonicClock.now()
    let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : 0
    let due = lock.withLock { () -> Bool in
      guard clamped >= 1 || now - lastProgressTime >= 0.1 else { return false }
      lastProgressTime = now
      return true
    }
    guard due else { return }
    let event = ChannelEvent(
      .progress,
      [
        .step: .integer(currentStep), .fraction: .number(clamped),
        .message: .text(String(message.prefix(RigorLimits.maxProgressMessageCharacters))),
      ])
    channel.send(event)
  }
}

extension RunState {
  /// A metric recorded on a split, kept until the seed ends to check the split was declared.
  struct MetricOnSplit {
    var metric: String
    var split: String
    var step: Int
    var file: String
    var line: Int
    var column: Int
  }

  /// The first metric recorded on a split that the seed never declared, as the error of the
  /// step that recorded it; nil when every such split was declared.
  func undeclaredSplitRecord() -> (MetricOnSplit, RigorRuntimeError)? {
    lock.withLock {
      for entry in metricSplits where splitSteps[entry.split] == nil {
        let declared = splitSteps.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
        return (
          entry,
          RigorRuntimeError(
            "metric '\(entry.metric)' was recorded on split '\(entry.split)', which this seed never declared with split(\"\(entry.split)\", ids:)"
              + (declared.isEmpty ? "" : " (declared: \(declared))")))
      }
      return nil
    }
  }
}

import Foundation
import Testing

@testable import RigorRuntime

@Suite struct ProgressTests {
  @Test func fractionIsClampedAndMessageCut() {
    let harness = RuntimeHarness()
    harness.state.beginStep(2)
    harness.state.progress(7, String(repeating: "m", count: 500))
    let event = harness.events().last
    #expect(event?["event"] as? String == "progress")
    #expect(event?["fraction"] as? Double == 1)
    #expect(event?["step"] as? Int == 2)
    #expect((event?["message"] as? String)?.count == RigorLimits.maxProgressMessageCharacters)
  }

  @Test func nonFiniteFractionCountsAsZero() {
    let harness = RuntimeHarness()
    harness.state.progress(.nan, "x")
    #expect(harness.events().last?["fraction"] as? Double == 0)
  }
}

@Suite struct StepEventTests {
  @Test func stepEndCarriesTimeAndPeakMemory() {
    let harness = RuntimeHarness()
    harness.state.beginStep(1)
    harness.state.endStep(1)
    harness.state.finish()
    let events = harness.events()
    #expect(events.map { $0["event"] as? String } == ["step_begin", "step_end", "finish"])
    let begin = events[0]["t"] as? Double ?? .nan
    let end = events[1]["t"] as? Double ?? .nan
    #expect(end >= begin)
    #expect((events[1]["maxrss"] as? Int ?? 0) > 0)
  }

  @Test func recordsNameTheStepRunningWhenTheyWereMade() throws {
    let harness = RuntimeHarness()
    harness.state.beginStep(1)
    try harness.state.record("a", 1)
    harness.state.endStep(1)
    harness.state.beginStep(2)
    try harness.state.record("b", 2)
    let steps = harness.events().filter { $0["event"] as? String == "record" }.map { $0["step"] as? Int }
    #expect(steps == [1, 2])
  }
}

@Suite struct ChannelEnvironmentTests {
  @Test func noVariableMeansNoChannel() {
    #expect(Channel.fromEnvironment([:]) == nil)
  }

  @Test func standardStreamsAndClosedDescriptorsAreRefused() {
    #expect(Channel.fromEnvironment(["RIGOR_CHANNEL_FD": "1"]) == nil)
    #expect(Channel.fromEnvironment(["RIGOR_CHANNEL_FD": "not a number"]) == nil)
    #expect(Channel.fromEnvironment(["RIGOR_CHANNEL_FD": "987654"]) == nil)
  }

  @Test func openDescriptorBecomesCloseOnExec() {
    var fds: [Int32] = [0, 0]
    _ = pipe(&fds)
    defer { fds.forEach { close($0) } }
    let channel = Channel.fromEnvironment(["RIGOR_CHANNEL_FD": String(fds[1])])
    #expect(channel?.fd == fds[1])
    #expect(fcntl(fds[1], F_GETFD) & FD_CLOEXEC != 0)
  }

  @Test func runStateOutsideRigorUsesSeedZeroAndALocalOutputFolder() {
    let state = RunState(environment: [:])
    #expect(state.channel == nil)
    #expect(state.seed == 0)
    #expect(state.outputDirectory.lastPathComponent == "rigor-output")
  }
}

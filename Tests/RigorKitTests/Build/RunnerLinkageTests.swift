import Foundation
import Testing

@testable import RigorKit

/// The runner judges with RigorStatistics and links no BLAS; seeds are the only BLAS users.
@Suite struct RunnerLinkageTests {
  /// The shared libraries `file` names in its dynamic section (`readelf -d`, NEEDED entries).
  static func neededLibraries(_ file: URL) throws -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/readelf")
    process.arguments = ["-d", file.path]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n")
      .filter { $0.contains("(NEEDED)") }
      .compactMap { line in
        guard let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") else { return nil }
        return String(line[line.index(after: open)..<close])
      }
  }

  @Test func theRigorExecutableLinksNeitherOpenBLASNorTheCore() throws {
    let rigor = try #require(KilledRunRepository.builtRigor(), "swift build makes rigor beside the tests")
    let needed = try Self.neededLibraries(rigor)
    // A parse that found nothing would pass the checks below vacuously.
    #expect(needed.contains { $0.hasPrefix("libgit2") })
    #expect(!needed.contains { $0.localizedCaseInsensitiveContains("blas") }, "\(needed)")
    #expect(!needed.contains { $0.hasPrefix("libInterp") }, "\(needed)")
  }

  @Test func theProbeNamesTheOpenBLASBuildSeedsLoad() {
    // OpenBLAS is installed here (the core links it), so the description must be its own.
    #expect(OpenBLASProbe.configuration.hasPrefix("OpenBLAS "), "\(OpenBLASProbe.configuration)")
  }
}

import Foundation
import Testing

@testable import RigorKit

/// The run's folder holds seed folders that may belong to host `nobody`; no other host
/// process of that user may reach them (issue 12, item 6).
@Suite struct TemporaryFolderTests {
  @Test func theRunFolderIsOpenOnlyToTheRunnerAndGoneWhenReleased() throws {
    var folder: TemporaryFolder? = try TemporaryFolder(prefix: "rigor-test-private")
    let path = try #require(folder?.url.path)
    var info = stat()
    #expect(lstat(path, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o700)
    #expect(info.st_uid == geteuid())
    folder = nil
    #expect(!FileManager.default.fileExists(atPath: path))
  }
}

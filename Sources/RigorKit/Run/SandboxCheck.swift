import Foundation

/// `Sandbox.probe()` with its success remembered per boot.
///
/// A probe starts a throwaway bubblewrap sandbox (tens of milliseconds); what it checks (the
/// bwrap binary, user namespaces) changes only with a reinstall, a sysctl or a reboot, so a
/// success is kept in the build cache under a key of those. Failures are never cached.
enum SandboxCheck {
  static func probe() -> SandboxStatus {
    let marker = markerURL()
    if let marker, FileManager.default.fileExists(atPath: marker.path) {
      return SandboxStatus(bwrapPath: Sandbox.locate(), isUsable: true, problem: nil, fix: nil)
    }
    let status = Sandbox.probe()
    if status.isUsable, let marker {
      try? FileManager.default.createDirectory(at: marker.deletingLastPathComponent(), withIntermediateDirectories: true)
      _ = FileManager.default.createFile(atPath: marker.path, contents: Data())
    }
    return status
  }

  static func markerURL() -> URL? {
    guard let bwrap = Sandbox.locate() else { return nil }
    let attributes = (try? FileManager.default.attributesOfItem(atPath: bwrap)) ?? [:]
    let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    let key = ContentKey([
      bwrap, "\(attributes[.size] ?? "")", "\(attributes[.modificationDate] ?? "")",
      read("/proc/sys/kernel/random/boot_id"), read("/proc/sys/user/max_user_namespaces"),
      read("/proc/sys/kernel/unprivileged_userns_clone"), String(getuid()),
      "\(SandboxIdentity.current)", SandboxIdentity.locateSetpriv() ?? "", SandboxIdentity.locateUnshare() ?? "",
    ])
    return BuildCache.standard().folder.appendingPathComponent("sandbox-ok-\(key.hex.prefix(16))")
  }
}

import Foundation

/// glibc's `_np` spawn file actions, looked up at run time because Swift's Glibc module does
/// not declare them.
enum SpawnExtensions {
  typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
  typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

  static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")
  static let closeFrom: CloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")

  private static func symbol<T>(_ name: String) -> T? {
    guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
    return unsafeBitCast(address, to: T.self)
  }
}

import CCrypto
import Foundation

/// SHA-256 of a file's bytes through OpenSSL's EVP interface, read in 1 MiB pieces.
enum FileDigest {
  /// Lower-case hexadecimal SHA-256 of the file at `url`.
  static func sha256(of url: URL) throws -> String {
    let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw ModelStoreError.unreadable(file: url.path, errno: errno) }
    defer { close(descriptor) }
    let context = DigestContext()
    guard EVP_DigestInit_ex(context.handle, EVP_sha256(), nil) == 1 else {
      throw ModelStoreError.digestFailed(file: url.path)
    }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw ModelStoreError.unreadable(file: url.path, errno: errno)
      }
      if count == 0 { break }
      let updated = buffer.withUnsafeBytes { EVP_DigestUpdate(context.handle, $0.baseAddress, count) }
      guard updated == 1 else { throw ModelStoreError.digestFailed(file: url.path) }
    }
    return try context.finish(file: url.path)
  }

  /// Lower-case hexadecimal SHA-256 of `bytes`.
  static func sha256(of bytes: [UInt8]) -> String {
    let context = DigestContext()
    EVP_DigestInit_ex(context.handle, EVP_sha256(), nil)
    bytes.withUnsafeBytes { _ = EVP_DigestUpdate(context.handle, $0.baseAddress, $0.count) }
    return (try? context.finish(file: "")) ?? ""
  }
}

/// Owns an `EVP_MD_CTX`.
private final class DigestContext {
  let handle: OpaquePointer

  init() { handle = EVP_MD_CTX_new() }

  deinit { EVP_MD_CTX_free(handle) }

  func finish(file: String) throws -> String {
    var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    guard EVP_DigestFinal_ex(handle, &digest, &length) == 1 else {
      throw ModelStoreError.digestFailed(file: file)
    }
    return digest.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
  }
}

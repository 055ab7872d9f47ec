import Foundation

/// The OpenBLAS build the seeds load, in its own words (`openblas_get_config()`).
///
/// The runner does no matrix products (seeds are other processes), so it does not link
/// OpenBLAS: linking it started worker threads at load that only burned a core. The seeds find
/// the library by its soname through the dynamic loader, so opening the same soname here names
/// the build they used. When this process loaded it only for the question, its worker threads
/// are stopped again at once; when something else in the process had already loaded it (a test
/// process that links the core), they are left alone, since that code may be multiplying.
enum OpenBLASProbe {
  /// The configuration line, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell
  /// MAX_THREADS=64"; "unknown" when no OpenBLAS can be loaded.
  static let configuration: String = describe()

  static let sonames = ["libopenblas.so.0", "libopenblas.so"]

  private typealias ConfigFunction = @convention(c) () -> UnsafePointer<CChar>?
  private typealias ShutdownFunction = @convention(c) () -> Int32

  private static func describe() -> String {
    for soname in sonames {
      let alreadyLoaded = dlopen(soname, RTLD_NOW | RTLD_NOLOAD) != nil
      // Kept open for the life of the process: unloading OpenBLAS with threads about is unsafe.
      guard let handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL) else { continue }
      var text = "unknown"
      if let symbol = dlsym(handle, "openblas_get_config"),
        let line = unsafeBitCast(symbol, to: ConfigFunction.self)()
      {
        text = String(cString: line)
      }
      if !alreadyLoaded, let symbol = dlsym(handle, "blas_thread_shutdown_") {
        _ = unsafeBitCast(symbol, to: ShutdownFunction.self)()
      }
      return text
    }
    return "unknown"
  }
}

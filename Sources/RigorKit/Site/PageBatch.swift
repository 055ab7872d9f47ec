import Foundation

/// Pages waiting to be rendered: a batch is rendered on every core at once, then written in
/// order by one thread. Rendering a report is pure (its data was read from the store before),
/// and a batch bounds how many pages and their figures are held in memory.
struct PageBatch {
  let writer: SiteWriter
  var size = 64
  private var paths: [String] = []
  private var renderers: [() -> String] = []

  init(writer: SiteWriter) { self.writer = writer }

  /// Queues the page at `path`; renders and writes the batch when it is full.
  mutating func add(_ path: String, render: @escaping () -> String) throws {
    paths.append(path)
    renderers.append(render)
    if paths.count >= size { try flush() }
  }

  /// Renders and writes every queued page.
  mutating func flush() throws {
    guard !paths.isEmpty else { return }
    let renderers = self.renderers
    var rendered = [String](repeating: "", count: renderers.count)
    rendered.withUnsafeMutableBufferPointer { pages in
      let pages = pages
      DispatchQueue.concurrentPerform(iterations: renderers.count) { pages[$0] = renderers[$0]() }
    }
    for (path, page) in zip(paths, rendered) { try writer.write(page, to: path) }
    paths.removeAll(keepingCapacity: true)
    self.renderers.removeAll(keepingCapacity: true)
  }
}

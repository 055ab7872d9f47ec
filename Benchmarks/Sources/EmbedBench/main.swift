// Times SentenceEncoder.embed on the sentences in a file (one per line) and prints one JSON
// line: {"side": "rigor", "sentences": n, "seconds": best, "checksum": ...}.
//   EmbedBench MODEL_FOLDER SENTENCES_FILE [repeats] [batch]
import Foundation
import Interp

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
  FileHandle.standardError.write(Data("usage: EmbedBench MODEL_FOLDER SENTENCES_FILE [repeats] [batch]\n".utf8))
  exit(2)
}
let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1
let batch = arguments.count > 4 ? Int(arguments[4]) ?? 32 : 32
do {
  let encoder = try SentenceEncoder(pretrained: URL(fileURLWithPath: arguments[1]), batchSize: batch)
  let sentences = try String(contentsOfFile: arguments[2], encoding: .utf8).split(separator: "\n").map(String.init)
  _ = try encoder.embed(Array(sentences.prefix(64)))  // warm-up: pools, BLAS threads
  var best = Double.infinity
  var checksum: Float = 0
  for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    let embeddings = try encoder.embed(sentences)
    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    checksum = embeddings.sum().item()
  }
  print("{\"side\": \"rigor\", \"sentences\": \(sentences.count), \"seconds\": \(best), \"checksum\": \(checksum)}")
} catch {
  FileHandle.standardError.write(Data("EmbedBench: \(error)\n".utf8))
  exit(1)
}

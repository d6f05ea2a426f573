import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Data-parallel helpers for pure work (encoding, folding, matching) on all cores.
public enum Parallel {
    /// The number of worker threads to use (the machine's active processors, at least 1).
    public static var defaultWidth: Int { max(1, ProcessInfoCores.count) }

    /// `transform` applied to every element, in parallel chunks, results in input order.
    /// Small inputs run on the calling thread.
    public static func map<Element, Result>(
        _ elements: [Element], width: Int = defaultWidth, minimumChunk: Int = 256, _ transform: (Element) -> Result
    ) -> [Result] {
        let count = elements.count
        let chunks = min(width * 4, max(1, count / minimumChunk))
        if chunks <= 1 || width <= 1 { return elements.map(transform) }
        var results = [Result?](repeating: nil, count: count)
        let chunkSize = (count + chunks - 1) / chunks
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let work = transform
                elements.withUnsafeBufferPointer { input in
                    nonisolated(unsafe) let source = input
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        let start = chunk * chunkSize
                        let end = min(start + chunkSize, count)
                        guard start < end else { return }
                        for index in start..<end { output[index] = work(source[index]) }
                    }
                }
            }
        }
        return results.map { $0! }
    }
}

/// The number of processors available to this process (online processors, on Linux and macOS alike).
enum ProcessInfoCores {
    static let count: Int = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
}

/// Work started on a background thread now and collected later with ``value()``, so that the
/// calling thread can do something else meanwhile (a two-stage pipeline).
public final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written once by the worker before `done.leave()`, read only after `done.wait()`.
    private var result: Result<Value, any Error>?

    /// Starts `body` on a global queue.
    public init(_ body: @escaping @Sendable () throws -> Value) {
        done.enter()
        DispatchQueue.global().async {
            self.result = Result { try body() }
            self.done.leave()
        }
    }

    /// Waits for the work to finish and returns its value or rethrows its error.
    public func value() throws -> Value {
        done.wait()
        return try result!.get()
    }
}

import Dispatch
import Foundation

/// Independent items (events) spread over the processors: a worker each, up to `limit`, each
/// taking every n-th item, so that neighbouring items, often alike in size, go to different
/// workers.
public enum WorkerPool {
    /// The processors this process may use.
    public static var processors: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Calls `body` once a worker, at the same time, with the indices of the items it takes, in
    /// order. Returns when every worker is done.
    public static func run(items count: Int, limit: Int = 8, _ body: @Sendable (_ items: [Int]) -> Void) {
        let workers = max(1, min(processors, count, limit))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            body(Array(stride(from: worker, to: count, by: workers)))
        }
    }
}

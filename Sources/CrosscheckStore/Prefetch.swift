import Foundation

/// Runs `produce` on a thread of its own, up to `depth` items ahead of the one who takes them:
/// an import reads, checks and stages the next event files on one core while the store writes
/// the events before on the other. Items come out in the order they were made; an error comes
/// out in its place, and ends the production.
final class Prefetch<Item>: @unchecked Sendable {
    // `items`, `finished` and `stopped` are touched under `condition` only; `produce` runs on
    // the producing thread alone.
    private let condition = NSCondition()
    private var items: [Result<Item?, StoreError>] = []
    private var stopped = false
    private var finished = false
    private let depth: Int
    private let produce: () throws(StoreError) -> Item?

    init(depth: Int = 16, _ produce: @escaping () throws(StoreError) -> Item?) {
        (self.depth, self.produce) = (depth, produce)
        let thread = Thread { [self] in run() }
        // Event files are parsed by recursive descent: the main thread's stack, not a worker's default.
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func run() {
        var more = true
        while more {
            let result: Result<Item?, StoreError>
            do throws(StoreError) { result = .success(try produce()) } catch { result = .failure(error) }
            if case .success(let item) = result, item != nil { more = true } else { more = false }
            condition.lock()
            while items.count >= depth, !stopped { condition.wait() }
            if stopped { more = false } else { items.append(result) }
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next item, nil at the end.
    func next() throws(StoreError) -> Item? {
        condition.lock()
        while items.isEmpty { condition.wait() }
        let result = items.removeFirst()
        condition.broadcast()
        condition.unlock()
        return try result.get()
    }

    /// Ends the production (if the taker stops early) and waits for the thread to be done.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}

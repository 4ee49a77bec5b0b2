import CrosscheckCore
import Foundation

/// `crosscheck merge-file BASE OURS THEIRS`, git's merge driver for event files: the three
/// versions git hands over merged claim by claim (`EventMerge`), written over OURS atomically.
public enum MergeDriver {
    /// The `.gitattributes` line that sends event files through the driver.
    public static let attributes = "Claims/*.json merge=crosscheck\n"
    /// The one `git config` line that names the driver, for each clone.
    public static let configuration = "git config merge.crosscheck.driver \"crosscheck merge-file %O %A %B\""

    /// Merges the files and writes the result over `ours`. A renumbered claim takes a number
    /// above every claim id in the event files of `claimsFolder` (the working tree's). Nothing
    /// is written when a version does not read as an event file, or the merge would not.
    public static func merge(base: String, ours: String, theirs: String, claimsFolder: String = "Claims") throws(StoreError) -> EventMerge {
        let baseText = try Workspace.read(base, named: base)
        let baseLedger = baseText.allSatisfy(\.isWhitespace) ? nil : try read(baseText, named: base)
        let merge = EventMerge(base: baseLedger, ours: try read(try Workspace.read(ours, named: ours), named: ours),
                               theirs: try read(try Workspace.read(theirs, named: theirs), named: theirs),
                               takenNumbers: highestClaimNumber(in: claimsFolder))
        let text = LedgerFiles.writeEvent(merge.ledger)
        // The file written must read back: a merge never leaves git a file crosscheck refuses.
        _ = try read(text, named: ours + " (merged)")
        try AtomicFile.write(text, to: ours)
        return merge
    }

    private static func read(_ text: String, named name: String) throws(StoreError) -> EventLedger {
        do {
            return try LedgerFiles.readEvent(text)
        } catch {
            throw StoreError("\(name): \(error.message)")
        }
    }

    /// The highest "cN" claim id in a folder's event files, read as text: 0 when none.
    static func highestClaimNumber(in folder: String) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return 0 }
        var highest = 0
        for name in names where name.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            highest = max(highest, highestClaimNumber(in: data))
        }
        return highest
    }

    /// The highest number after `"id": "c` in the bytes of an event file.
    static func highestClaimNumber(in data: Data) -> Int {
        let marker = Array("\"id\": \"c".utf8)
        var highest = 0
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var i = 0
            while i + marker.count < bytes.count {
                guard bytes[i] == marker[0], bytes[i..<i + marker.count].elementsEqual(marker) else {
                    i += 1
                    continue
                }
                i += marker.count
                var number = 0, digits = 0
                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, digits < 15 {
                    number = number * 10 + Int(bytes[i] - 0x30)
                    digits += 1
                    i += 1
                }
                if digits > 0, i < bytes.count, bytes[i] == 0x22 { highest = max(highest, number) }
            }
        }
        return highest
    }
}

import Foundation
import TestFolders

/// The built `crosscheck` binary, run as a user runs it: arguments, standard input, and what it
/// prints and exits with.
struct Binary {
    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
        /// Ended by a signal (`status` is then its number), not by exiting.
        var killed = false
    }

    static var url: URL {
        // `swift test` builds the executable beside the test bundle.
        let products = Bundle.main.bundleURL.deletingLastPathComponent()
        let beside = products.appendingPathComponent("crosscheck")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Bundle.main.bundleURL.appendingPathComponent("crosscheck")
    }

    /// The repository's root, which holds the sample workspace.
    static var sampleWorkspaceRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// A new folder holding a copy of the sample workspace at the repository root.
    static func sampleWorkspace() throws -> String {
        let folder = try temporaryFolder().path
        try FileManager.default.copyItem(atPath: sampleWorkspaceRoot + "/Sources.json", toPath: folder + "/Sources.json")
        try FileManager.default.copyItem(atPath: sampleWorkspaceRoot + "/Claims", toPath: folder + "/Claims")
        return folder
    }

    /// A new empty folder for one test, removed when the tests end if the test did not.
    static func temporaryFolder() throws -> URL {
        URL(fileURLWithPath: try TestFolders.make("crosscheck-test"))
    }

    /// A new, empty workspace, made as a user makes one: `crosscheck init`.
    static func newWorkspace() throws -> String {
        let folder = try temporaryFolder().path
        let made = try run(["init", folder])
        guard made.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: made.stderr]) }
        return folder
    }

    static func run(_ arguments: [String], stdin: String? = nil, directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> Output {
        try runCommand(url.path, arguments, stdin: stdin, directory: directory, environment: environment)
    }

    /// Any program, run the same way.
    static func runCommand(_ executable: String, _ arguments: [String], stdin: String? = nil, directory: URL? = nil,
                           environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let directory { process.currentDirectoryURL = directory }
        // Output goes to files, so that neither stream can fill a pipe and block the child.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let input = Pipe()
        let output = try FileHandle(forWritingTo: outURL), error = try FileHandle(forWritingTo: errURL)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try output.close()
        try error.close()
        let out = try Data(contentsOf: outURL), err = try Data(contentsOf: errURL)
        return Output(stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                      status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal)
    }
}

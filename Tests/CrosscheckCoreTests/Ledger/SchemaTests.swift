import Foundation
import Testing
@testable import CrosscheckCore

private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

private func load(_ path: String) throws -> JSONValue {
    try JSONReader.parse(String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8))
}

@Suite("The JSON Schemas that ship with crosscheck")
struct SchemaTests {
    static let events = ["kyiv-strike-2025-06-17", "pow-exchange-2025-06-19", "bodies-repatriation-2025-06"]

    @Test("the sample conforms, and so does every file crosscheck writes")
    func sampleAndWrittenFiles() throws {
        let sources = SchemaValidator(root: try load("Schemas/crosscheck-sources.schema.json"))
        let claims = SchemaValidator(root: try load("Schemas/crosscheck-claims.schema.json"))
        #expect(sources.problems(try load("Sources.json")) == [])
        let written = LedgerFiles.writeSources(try LedgerFiles.readSources(String(contentsOf: repository.appendingPathComponent("Sources.json"), encoding: .utf8)))
        #expect(sources.problems(try JSONReader.parse(written)) == [])
        for name in Self.events {
            let text = try String(contentsOf: repository.appendingPathComponent("Claims/\(name).json"), encoding: .utf8)
            #expect(claims.problems(try JSONReader.parse(text)) == [], "\(name)")
            var ledger = try LedgerFiles.readEvent(text)
            ledger.claims.append(Claim(id: "c999", metric: ledger.claims[0].metric, text: "about 80",
                                       figure: try FigureParser().parse("about 80").figure))
            #expect(claims.problems(try JSONReader.parse(LedgerFiles.writeEvent(ledger))) == [], "\(name)")
        }
    }

    @Test("a file that breaks the format is caught")
    func caught() throws {
        let claims = SchemaValidator(root: try load("Schemas/crosscheck-claims.schema.json"))
        let bad = try JSONReader.parse("""
            { "format": "crosscheck-claims/1", "event": { "id": "E 1", "title": "" },
              "claims": [{ "id": "c1", "metric": "killed", "text": "23", "sources": [{ "source": "s", "credibility": 9 }] }] }
            """)
        #expect(claims.problems(bad) == [
            "$.event.id: \"E 1\" does not match ^[a-z0-9][a-z0-9-]{0,99}$",
            "$.event.title: too short",
            "$.claims[0].sources[0].credibility: not one of the allowed values",
        ])
    }
}

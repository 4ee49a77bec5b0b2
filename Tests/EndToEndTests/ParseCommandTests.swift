import Testing

@Suite("crosscheck parse, end to end")
struct ParseCommandTests {
    @Test("one aligned line per phrase, exit 0")
    func human() throws {
        let result = try Binary.run(["parse", "at least 23 killed", "400+ drones", "dozens of missiles", "about 80", "$3m"])
        #expect(result.stdout == """
            at least 23 killed  →  killed ≥ 23  (count, coded 23)
            400+ drones         →  drones ≥ 400  (count, coded 400)
            dozens of missiles  →  missiles ∈ [24, 100)  (count, approximate, coded 12)
            about 80            →  [72, 88]  (count, approximate, coded 80)
            $3m                 →  = USD 3,000,000  (money USD, coded USD 3,000,000)

            """)
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test("a phrase that fails gets one line on standard error; the others are printed; exit 2")
    func failure() throws {
        let result = try Binary.run(["parse", "lots", "23", "-5"])
        #expect(result.stdout == "23  →  = 23  (count, coded 23)\n")
        #expect(result.stderr == """
            error: "lots": "lots" is too vague to give a figure
            error: "-5": "-5" is negative; a figure is never below zero

            """)
        #expect(result.status == 2)
    }

    @Test("--json: one object per line with the fields DESIGN.md names, errors included")
    func json() throws {
        let result = try Binary.run(["parse", "--json", "at least 23 killed", "nearly 500", "twenty-thirty", "€1.2bn"])
        #expect(result.stdout == """
            {"text":"at least 23 killed","metric":"killed","family":"lowerBoundClosed","lower":23,"upper":null,"lowerOpen":false,"upperOpen":false,"approximate":false,"kind":"count","coded":23,"language":"en"}
            {"text":"nearly 500","family":"nearBelow","lower":450,"upper":500,"lowerOpen":false,"upperOpen":true,"approximate":true,"kind":"count","coded":450,"language":"en"}
            {"text":"twenty-thirty","error":"\\"thirty\\" cannot follow \\"twenty\\" in a number"}
            {"text":"€1.2bn","family":"exact","lower":1200000000,"upper":1200000000,"lowerOpen":false,"upperOpen":false,"approximate":false,"kind":"money","unit":"EUR","coded":1200000000,"language":"en"}

            """)
        #expect(result.status == 2)
    }

    @Test("'-' reads phrases one per line from standard input; blank lines are not phrases")
    func standardInput() throws {
        let result = try Binary.run(["parse", "--json", "--tolerance", "0.2", "-"], stdin: "about 80\r\n\nover 130\n")
        #expect(result.stdout == """
            {"text":"about 80","family":"approximate","lower":64,"upper":96,"lowerOpen":false,"upperOpen":false,"approximate":true,"kind":"count","coded":80,"language":"en"}
            {"text":"over 130","family":"lowerBoundOpen","lower":130,"upper":null,"lowerOpen":true,"upperOpen":false,"approximate":false,"kind":"count","coded":131,"language":"en"}

            """)
        #expect(result.status == 0)
    }

    @Test("each phrase in the language its words tell; --language reads them all in one, and a word it does not know is refused")
    func languages() throws {
        let told = try Binary.run(["parse", "щонайменше 23 загиблих", "более 130 раненых", "mindestens 28 Tote", "dreiundzwanzig", "at least 5"])
        #expect(told.stdout == """
            щонайменше 23 загиблих  →  killed ≥ 23  (count, coded 23)
            более 130 раненых       →  injured > 130  (count, coded 131)
            mindestens 28 Tote      →  killed ≥ 28  (count, coded 28)
            dreiundzwanzig          →  = 23  (count, coded 23)
            at least 5              →  ≥ 5  (count, coded 5)

            """)
        #expect(told.status == 0)
        let given = try Binary.run(["parse", "--language", "en", "mindestens 28", "1.000"])
        #expect(given.stdout == "1.000  →  = 1  (count, coded 1)\n")
        #expect(given.stderr == "error: \"mindestens 28\": \"mindestens\" is not understood here\n")
        #expect(given.status == 2)
        let german = try Binary.run(["parse", "--language", "de", "--json", "1.000"])
        #expect(german.stdout.hasPrefix(#"{"text":"1.000","family":"exact","lower":1000,"upper":1000,"#))
        #expect(german.stdout.hasSuffix(#""language":"de"}"# + "\n"))
    }

    @Test("bad usage: a clear line and exit 2", arguments: [
        (["parse", "--tolerance", "1.5", "23"], "--tolerance 1.5: δ must be at least 0 and below 1"),
        (["parse", "--language", "fr", "23"], "The value 'fr' is invalid for '--language <language>'"),
        (["parse"], "give at least one phrase, or '-' to read standard input"),
    ])
    func usage(_ arguments: [String], _ message: String) throws {
        let result = try Binary.run(arguments)
        #expect(result.stderr.contains(message))
        #expect(result.stdout == "")
        #expect(result.status == 2)
    }

    @Test("--help names the session and every subcommand")
    func help() throws {
        let result = try Binary.run(["--help"])
        #expect(result.stdout.contains("USAGE: crosscheck [--workspace <workspace>] [--db <path-or-url>] [--actor <actor>] <subcommand>"))
        #expect(result.stdout.contains("the annotation session on the workspace"))
        for name in ["parse", "extract", "import", "export", "check"] { #expect(result.stdout.contains("  \(name) ")) }
        #expect(result.status == 0)
    }
}

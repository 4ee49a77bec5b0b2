#!/usr/bin/env python3
"""The pipeline an analyst in a hurry runs, over events of the labelled corpus: each event with its
scopes, each report registered as a source with its text, `annotate SOURCE --accept` on every one,
then `check`. Prints the check's report; the summary line counts the conflict findings.

    swift build && Scripts/pipeline-run.py [EVENT-ID…]

Without ids: the Nepal, Pakistan, Derna and Turkey–Syria events. The workspace is made in a
temporary folder and removed after."""
import json, os, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.path.join(root, ".build", "debug", "crosscheck")
corpus = json.load(open(os.path.join(root, "Tests/CrosscheckCoreTests/Extraction/Corpus/english.json")))
wanted = sys.argv[1:] or ["nepal-earthquake-2015", "pakistan-floods-2022", "derna-floods-2023", "turkey-syria-earthquake-2023"]

def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

with tempfile.TemporaryDirectory() as folder:
    lines = []
    for event in corpus["events"]:
        if event["id"] not in wanted:
            continue
        lines.append(f"event use {event['id']} --title {quoted(event['id'])}")
        for scope in event["scopes"]:
            line = f"scope add {quoted(scope['id'])}"
            if scope.get("partOf"):
                line += f" --part-of {quoted(scope['partOf'])}"
            line += "".join(f" --alias {quoted(alias)}" for alias in scope.get("aliases", []))
            lines.append(line)
        for number, report in enumerate(event["reports"]):
            source = f"{event['id'][:10].strip('-')}-{number}"
            path = os.path.join(folder, source + ".txt")
            with open(path, "w") as text:
                text.write(report["text"] + "\n")
            outlet = report["url"].split("/")[2]
            lines.append(f"source add {source} --title {source} --outlet {quoted(outlet)} --published {report['published']} --text-file {path}")
            lines.append(f"annotate {source} --accept")
    workspace = os.path.join(folder, "workspace")
    subprocess.run([binary, "init", workspace], check=True, stdout=subprocess.DEVNULL)
    session = subprocess.run([binary, "--workspace", workspace], input="\n".join(lines) + "\n", text=True, capture_output=True)
    if session.returncode != 0:
        sys.exit(session.stdout + session.stderr)
    claims = sum(1 for line in session.stdout.splitlines() if line[:1] == "c" and ": " in line)
    print(f"{claims} claims from {sum(len(e['reports']) for e in corpus['events'] if e['id'] in wanted)} reports")
    sys.stdout.flush()
    subprocess.run([binary, "--workspace", workspace, "check"])

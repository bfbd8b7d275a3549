import Foundation
import Testing

/// The HTML report opened in a real browser (Debian's chromium, headless): the page loads
/// with scripts and network off, and the charts are in the DOM the browser built.
@Suite struct HTMLReportBrowserTests {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs chromium headless with a throwaway profile (scripts off unless `javascript`);
    /// returns standard output.
    static func runChromium(_ chromium: String, _ arguments: [String], profile: URL, javascript: Bool = false) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["120", chromium, "--headless", "--no-sandbox", "--disable-gpu"] + (javascript ? [] : ["--disable-javascript"])
            + ["--no-first-run", "--user-data-dir=\(profile.path)", "--hide-scrollbars"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theReportRendersWithItsChartsInHeadlessChromium() throws {
        guard let chromium = Self.chromium else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("chromium is missing; .ci/run installs it")
            } else {
                print("note: chromium not installed; browser check of the HTML report skipped")
            }
            return
        }
        let project = try ExportCommandTests.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let input = project.appendingPathComponent("in.csv")
        try ExportCommandTests.codings.write(to: input, atomically: true, encoding: .utf8)
        // Bob codes as Alice did but for one paper's relevance, so α has something to measure.
        let bob = ExportCommandTests.codings.replacingOccurrences(of: ",alice,", with: ",bob,")
            .replacingOccurrences(of: "p2,bob,relevance,out-of-scope", with: "p2,bob,relevance,ser-core")
        for (coder, csv) in [("alice", ExportCommandTests.codings), ("bob", bob)] {
            try csv.write(to: input, atomically: true, encoding: .utf8)
            let imported = try LitcoderBinary.run(["codings", "import", input.path, "--coder", coder], in: project)
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        let page = project.appendingPathComponent("report.html")
        let export = try LitcoderBinary.run(["export", "--format", "html", "--coder", "alice", "-o", page.path], in: project)
        #expect(export.status == 0, "\(export.stderr)")

        let profile = project.appendingPathComponent("chromium-profile")
        let (status, dom) = try Self.runChromium(chromium, ["--dump-dom", page.absoluteString], profile: profile)
        #expect(status == 0)
        #expect(dom.contains("<h1>E2E</h1>"), "the browser loaded the page")
        #expect(dom.contains("<svg class=\"chart bar-chart\""))
        #expect(dom.contains("<svg class=\"chart heat-map\""))
        // Healthcare (2 papers, 1 mismatched) and Voice assistant (1 paper) are the bars.
        #expect(dom.components(separatedBy: "<g class=\"bar\">").count - 1 == 2)
        #expect(dom.contains("Healthcare: 2 papers, 1 mismatched (50%)"))
        #expect(dom.contains("<h2>Mismatched papers (1)</h2>"))
        #expect(dom.contains("<td>Relevance</td><td>nominal</td>"))

        let shot = project.appendingPathComponent("report.png")
        let (shotStatus, _) = try Self.runChromium(
            chromium, ["--window-size=1100,1600", "--screenshot=\(shot.path)", page.absoluteString], profile: profile)
        #expect(shotStatus == 0)
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG screenshot")
        #expect(png.count > 20_000, "the screenshot has content, not a blank page")
        if let keep = ProcessInfo.processInfo.environment["LITCODER_KEEP_SCREENSHOT"] {
            try? png.write(to: URL(fileURLWithPath: keep))
        }
    }

    /// At 1280 px the page never scrolls sideways, and every chart label is whole: no label
    /// box starts left of the page or outside its chart, and none runs into the bars or cells.
    /// On the SER codebook, whose motivation labels are long ("Voice assistants and spoken
    /// dialogue systems") and whose datasets provide many contexts.
    @Test func atTwelveHundredEightyPixelsEveryLabelIsWholeAndNothingScrolls() throws {
        guard let chromium = Self.chromium else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("chromium is missing; .ci/run installs it") }
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-layout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try LitcoderBinary.run(["init", "ser"], in: folder)
        guard created.status == 0 else {
            // Without the embedded sample (a clone before scripts/embed-sample) there is no SER project.
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("init failed: \(created.stderr)") }
            return
        }
        let project = folder.appendingPathComponent("ser")
        let codings: [(String, String, String)] = [
            ("sample-01-mental-health-podcast", "voice-assistant,health-mental,hci-general", "msp-podcast,iemocap"),
            ("sample-02-depression-acted-lab", "health-mental", "emo-db,ravdess"),
            ("sample-03-call-centre-real-calls", "call-center,conversation-analytics", "msp-podcast"),
            ("sample-05-smart-speaker-acted-corpora", "voice-assistant", "iemocap,crema-d"),
            ("sample-06-in-car-wake-word", "in-car,voice-assistant", "savee"),
            ("sample-08-social-robot-children", "robotics,education,hci-general", "tess,emovo"),
        ]
        for (paper, motivation, dataset) in codings {
            let set = try LitcoderBinary.run(["set", paper, "motivation=\(motivation)", "dataset=\(dataset)", "--coder", "alice"], in: project)
            #expect(set.status == 0, "\(set.stderr)")
        }
        let page = project.appendingPathComponent("report.html")
        let export = try LitcoderBinary.run(["export", "--format", "html", "--coder", "alice", "-o", page.path], in: project)
        #expect(export.status == 0, "\(export.stderr)")

        // A copy of the report with a script that measures the laid-out page (the report
        // itself has no script) and writes what it found into the page.
        let probe = """
            <script>
            window.addEventListener('load', function () {
              var out = [], page = document.documentElement.clientWidth, labels = 0;
              out.push('width ' + document.documentElement.scrollWidth + ' ' + page);
              document.querySelectorAll('svg.chart').forEach(function (svg) {
                var box = svg.getBoundingClientRect();
                var marks = Array.prototype.map.call(svg.querySelectorAll('rect.total, g.cell rect'),
                  function (r) { return r.getBoundingClientRect().left; });
                var firstMark = marks.length ? Math.min.apply(null, marks) : box.right;
                if (box.left < 0 || box.right > page) out.push('chart outside the page: ' + box.left + '..' + box.right);
                svg.querySelectorAll('text.label, text.column').forEach(function (t) {
                  labels += 1;
                  var r = t.getBoundingClientRect(), name = JSON.stringify(t.textContent);
                  if (r.left < 0) out.push('starts left of the page: ' + name + ' at ' + r.left);
                  if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
                    out.push('clipped by its chart: ' + name + ' ' + [r.left, r.right, r.top, r.bottom].join(' '));
                  if (t.classList.contains('label') && r.right > firstMark + 0.5)
                    out.push('runs into the chart: ' + name + ' ends at ' + r.right + ', marks start at ' + firstMark);
                });
              });
              out.push('labels ' + labels);
              var pre = document.createElement('pre');
              pre.id = 'layout-report';
              pre.textContent = out.join('\\n');
              document.body.appendChild(pre);
            });
            </script>
            """
        let html = try String(contentsOf: page, encoding: .utf8)
        let probed = project.appendingPathComponent("probed.html")
        try html.replacingOccurrences(of: "</body>", with: probe + "\n</body>").write(to: probed, atomically: true, encoding: .utf8)
        let profile = project.appendingPathComponent("chromium-profile")
        let (status, dom) = try Self.runChromium(
            chromium, ["--window-size=1280,4000", "--virtual-time-budget=5000", "--dump-dom", probed.absoluteString],
            profile: profile, javascript: true)
        #expect(status == 0)
        guard let start = dom.range(of: "<pre id=\"layout-report\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            Issue.record("the probe did not run: \(dom.prefix(300))")
            return
        }
        let lines = dom[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
        let width = lines.first { $0.hasPrefix("width ") }?.split(separator: " ").compactMap { Double($0) } ?? []
        #expect(width.count == 2 && width[0] <= width[1], "the page scrolls sideways: \(lines)")
        let labelCount = lines.first { $0.hasPrefix("labels ") }.flatMap { Int($0.dropFirst(7)) } ?? 0
        #expect(labelCount > 30, "the charts have their labels: \(lines)")
        let problems = lines.filter { !$0.hasPrefix("width ") && !$0.hasPrefix("labels ") }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(html.contains("Voice assistants and spoken dialogue systems") || html.contains("Voice assistants and spoken"))
    }
}

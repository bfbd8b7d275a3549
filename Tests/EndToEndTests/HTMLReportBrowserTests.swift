import Foundation
import Testing

/// The HTML report opened in a real browser (Debian's chromium, headless): the page loads
/// with scripts and network off, and the charts are in the DOM the browser built.
@Suite struct HTMLReportBrowserTests {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs chromium headless with a throwaway profile; returns standard output.
    static func runChromium(_ chromium: String, _ arguments: [String], profile: URL) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["120", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-javascript",
                             "--no-first-run", "--user-data-dir=\(profile.path)", "--hide-scrollbars"] + arguments
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
}

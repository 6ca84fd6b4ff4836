import Foundation

/// `tandem report`: one self-contained HTML page (inline CSS and SVG; no script, no network)
/// with each locale's progress, per post and in total, its match-band chart, and the open lint
/// findings. Every piece of text from the project is escaped.
public struct HTMLReport {
    /// The project's name, for the title.
    public var title: String
    public var locales: [LocaleStatistics]
    public var findings: [LintFinding]

    public init(title: String, locales: [LocaleStatistics], findings: [LintFinding]) {
        self.title = title
        self.locales = locales
        self.findings = findings
    }

    /// State colours, from untouched grey to signed-off green; also the legend's.
    static let stateColours: [SegmentState: String] = [
        .new: "#c8cdd3", .fuzzy: "#e8a33d", .translated: "#5b9bd5", .reviewed: "#3f9b6b", .final: "#1f5f3f",
    ]

    /// The page.
    public func render() -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Translation report: \(escaped(title))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <h1>Translation report: \(escaped(title))</h1>

            """
        html += overview()
        for locale in locales { html += section(locale) }
        html += findingsSection()
        html += "</body>\n</html>\n"
        return html
    }

    private func overview() -> String {
        guard !locales.isEmpty else { return "<p class=\"empty\">No segment files: run <code>tandem extract</code>.</p>\n" }
        var html = "<section class=\"overview\">\n"
        for locale in locales {
            let total = locale.total
            html += """
                <a class="card" href="#locale-\(attribute(locale.locale.identifier))">
                <span class="tag">\(escaped(locale.locale.identifier))</span>
                <span class="percent">\(percent(total.percentTranslated))</span>
                \(stateBar(total, width: 220, height: 12))
                <span class="detail">\(total.volume.segments) segments · \(total.volume.words) words · \(total.volume.cjkCharacters) CJK characters</span>
                </a>

                """
        }
        return html + "</section>\n"
    }

    private func section(_ locale: LocaleStatistics) -> String {
        let tag = locale.locale.identifier
        var html = "<section id=\"locale-\(attribute(tag))\">\n<h2>\(escaped(tag))</h2>\n"
        // Wide parts scroll in their own box: on a narrow window the page itself never does.
        html += "<h3>Match analysis</h3>\n<div class=\"scroll\">" + bandChart(locale.total) + "</div>\n"
        html += "<h3>Progress per post</h3>\n" + legend()
        html += """
            <div class="scroll"><table class="posts">
            <thead><tr><th>Post</th><th>Segments</th><th>Words</th><th>CJK chars</th>
            """
        html += SegmentState.allCases.map { "<th>\($0.rawValue)</th>" }.joined()
        html += "<th>Translated</th><th></th></tr></thead>\n<tbody>\n"
        for (post, isTotal) in locale.posts.map({ ($0, false) }) + [(locale.total, true)] {
            html += "<tr\(isTotal ? " class=\"total\"" : "")><td class=\"post\">\(escaped(isTotal ? "Total" : post.post))</td>"
            html += "<td>\(post.volume.segments)</td><td>\(post.volume.words)</td><td>\(post.volume.cjkCharacters)</td>"
            html += SegmentState.allCases.map { "<td>\(post.count(in: $0))</td>" }.joined()
            html += "<td>\(percent(post.percentTranslated))</td><td>\(stateBar(post, width: 160, height: 10))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    /// Horizontal bars, one per band, as long as the band's share of the billable units (words
    /// plus CJK characters); the figures beside each.
    private func bandChart(_ total: PostStatistics) -> String {
        let rowHeight = 26
        let labelWidth = 150
        let barWidth = 420
        let height = rowHeight * total.bands.count + 8
        let largest = max(1, total.bands.map { $0.volume.words + $0.volume.cjkCharacters }.max() ?? 1)
        var svg = """
            <svg class="bands" xmlns="http://www.w3.org/2000/svg" width="\(labelWidth + barWidth + 330)" height="\(height)" role="img" aria-label="Match bands">

            """
        for (index, band) in total.bands.enumerated() {
            let y = 4 + index * rowHeight
            let units = band.volume.words + band.volume.cjkCharacters
            let width = units == 0 ? 0 : max(2, units * barWidth / largest)
            svg += """
                <text x="0" y="\(y + 17)" class="label">\(escaped(band.band.label))</text>
                <rect x="\(labelWidth)" y="\(y + 4)" width="\(barWidth)" height="16" class="track"/>
                <rect x="\(labelWidth)" y="\(y + 4)" width="\(width)" height="16" class="bar band-\(attribute(band.band.rawValue))"/>
                <text x="\(labelWidth + barWidth + 10)" y="\(y + 17)" class="figure">\(band.volume.segments) seg · \(band.volume.words) words · \(band.volume.cjkCharacters) CJK</text>

                """
        }
        return svg + "</svg>\n"
    }

    /// The post's segments by state as one stacked bar.
    private func stateBar(_ post: PostStatistics, width: Int, height: Int) -> String {
        var svg = "<svg class=\"states\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\">"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#eef0f3\"/>"
        var x = 0
        let segments = max(1, post.volume.segments)
        for state in SegmentState.allCases {
            let count = post.count(in: state)
            guard count > 0 else { continue }
            let w = count * width / segments
            svg += "<rect x=\"\(x)\" y=\"0\" width=\"\(w)\" height=\"\(height)\" fill=\"\(Self.stateColours[state]!)\"><title>\(state.rawValue): \(count)</title></rect>"
            x += w
        }
        return svg + "</svg>"
    }

    private func legend() -> String {
        "<p class=\"legend\">" + SegmentState.allCases.map { state in
            "<span><svg width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\" fill=\"\(Self.stateColours[state]!)\"/></svg> \(state.rawValue)</span>"
        }.joined(separator: " ") + "</p>\n"
    }

    private func findingsSection() -> String {
        let errors = findings.filter { $0.severity == .error }.count
        var html = "<section id=\"lint\">\n<h2>Lint findings</h2>\n"
        guard !findings.isEmpty else { return html + "<p class=\"empty\">No open findings.</p>\n</section>\n" }
        html += "<p>\(Self.counted(errors, "error")), \(Self.counted(findings.count - errors, "warning")).</p>\n"
        html += "<div class=\"scroll\"><table class=\"findings\">\n<thead><tr><th>Where</th><th>Severity</th><th>Rule</th><th>Message</th></tr></thead>\n<tbody>\n"
        for finding in findings {
            html += "<tr class=\"\(finding.severity.rawValue)\"><td class=\"where\">\(escaped(finding.location.description))</td>"
            html += "<td>\(finding.severity.rawValue)</td><td>\(escaped(finding.rule.rawValue))</td><td>\(escaped(finding.message))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    /// `1 error`, `2 errors`.
    static func counted(_ count: Int, _ noun: String) -> String { CountedNoun.phrase(count, noun) }

    /// Rounded down, so a post with one sentence left never reads 100%.
    private func percent(_ value: Double) -> String { PercentText.roundedDown(value) }
    private func escaped(_ text: String) -> String { XMLEscaping.text(text) }
    private func attribute(_ text: String) -> String { XMLEscaping.attribute(text) }

    static let style = """
        body{font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1.5rem;color:#1d2530;background:#fff}
        h1{font-size:1.6rem;margin-bottom:1.5rem}h2{font-size:1.3rem;border-bottom:1px solid #dde1e6;padding-bottom:.3rem;margin-top:2.2rem}
        h3{font-size:1rem;color:#4a5563;margin:1.2rem 0 .5rem}
        .overview{display:flex;flex-wrap:wrap;gap:1rem}
        .card{display:flex;flex-direction:column;gap:.35rem;border:1px solid #dde1e6;border-radius:8px;padding:.9rem 1.1rem;color:inherit;text-decoration:none;min-width:240px}
        .card .tag{font-weight:600}.card .percent{font-size:1.8rem;font-weight:600}.card .detail{font-size:.8rem;color:#5b6675}
        table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{padding:.35rem .5rem;text-align:right;border-bottom:1px solid #eceef1;vertical-align:middle}
        th{background:#f5f6f8;font-weight:600}td.post,td.where,th:first-child{text-align:left}
        td.post,td.where{overflow-wrap:anywhere}svg.states{display:block;max-width:100%}
        .scroll{overflow-x:auto}
        .findings td,.findings th{text-align:left}tr.total td{font-weight:600;border-top:2px solid #c8cdd3}
        tr.error td:nth-child(2){color:#b42318;font-weight:600}tr.warning td:nth-child(2){color:#9a6700}
        .legend{font-size:.8rem;color:#4a5563}.legend span{margin-right:.8rem}
        svg.bands .label{font-size:13px;fill:#1d2530}svg.bands .figure{font-size:12px;fill:#4a5563}
        svg.bands .track{fill:#eef0f3}svg.bands .bar{fill:#5b9bd5}
        svg.bands .band-repetitions{fill:#8e7cc3}svg.bands .band-101{fill:#1f5f3f}svg.bands .band-100{fill:#3f9b6b}
        svg.bands .band-no-match{fill:#c8cdd3}
        .empty{color:#5b6675}code{background:#f5f6f8;padding:0 .25rem;border-radius:3px}
        """
}

import Foundation

/// `tandem import`: takes back exchange files (XLIFF 1.2, XLIFF 2.0/2.1 or PO) from translators' tools.
///
/// Everything is validated before anything is written: a file that is not well-formed, declares
/// entities, names a post outside the content directory or a language the project does not
/// translate into is an error and nothing of any file is applied. Inside a good file, a unit is
/// applied only if its id is a segment of the post, its source is the post's current source,
/// its placeholders pass the same check as build (`InlineCodeSet`), and its segment was not
/// changed in Tandem since export; any other unit is quarantined with its reason and keeps its
/// previous target. Applied targets are written to the segment files in one atomic batch, then
/// fed to the memory in one transaction.
public struct ExchangeImport {
    public let project: Project
    public let memory: (any TranslationMemory)?

    public init(project: Project, memory: (any TranslationMemory)? = nil) {
        self.project = project
        self.memory = memory
    }

    /// Imports `files`; with `dryRun`, reports what would happen and writes nothing.
    /// `progress` is called with the number of returned documents (posts) checked so far.
    public func run(_ files: [URL], dryRun: Bool = false, progress: (Int) -> Void = { _ in }) throws -> ImportReport {
        var checked = 0
        var report = ImportReport()
        report.dryRun = dryRun
        // Segment files touched, by path, as they will be written.
        var changed: [URL: SegmentFile] = [:]
        var order: [URL] = []
        for file in files {
            let display = project.projectPath(of: file)
            report.files.append(display)
            let bytes = try TextFile.readBytes(file, limit: XLIFFReader.Limits().maximumFileBytes)
            let documents: [ReturnedDocument]
            switch ExchangeFormat.detect(bytes) {
            case .xliff12: documents = try XLIFF12Reader(displayPath: display).read(bytes)
            case .xliff21: documents = try XLIFF21Reader(displayPath: display).read(bytes)
            case .po: documents = try POReader(displayPath: display).read(bytes)
            }
            for document in documents {
                let (url, original) = try segmentFile(of: document)
                var segmentFile = try changed[url] ?? SegmentFileStore.read(url) ?? {
                    throw TandemError.invalidValue(document.location, message: "\(document.original) has no segment file for \(original.identifier); extract it first")
                }()
                if changed[url] == nil { order.append(url) }
                apply(document, to: &segmentFile, post: document.original, report: &report)
                changed[url] = segmentFile
                checked += 1
                progress(checked)
            }
        }
        guard !dryRun else { return report }
        let batch = AtomicFileBatch()
        for url in order {
            if try SegmentFileStore.write(changed[url]!, to: url, batch: batch) {
                report.segmentFilesWritten.append(project.projectPath(of: url))
            }
        }
        // The memory learns what the files will hold, in one transaction, before they are
        // renamed into place: a memory that cannot be written (a full disk) then stops the
        // import with every segment file as it was. Every file the import names, not only those
        // written now: a run killed after an earlier import's renames left files that hold these
        // targets already (so they are not written again) whose units the memory may lack. A
        // unit the memory has is kept once.
        if let memory {
            let units = order.flatMap { changed[$0]!.memoryUnits(originFile: project.projectPath(of: $0)) }
            do {
                if !units.isEmpty { try memory.add(units) }
            } catch {
                batch.abandon()
                throw error
            }
        }
        try batch.commit()
        return report
    }

    /// The segment file a returned document belongs to, after checking its post and languages.
    private func segmentFile(of document: ReturnedDocument) throws -> (URL, LocaleTag) {
        guard let raw = document.targetLocale, let target = LocaleTag(raw) else {
            throw TandemError.invalidValue(document.location, message: "the file names no target language (\(document.targetLocale ?? "none")); expected one of \(project.configuration.targets.map(\.identifier).joined(separator: ", "))")
        }
        if let raw = document.sourceLocale, LocaleTag(raw) != project.configuration.source {
            throw TandemError.invalidValue(document.location, message: "the source language is '\(raw)'; this project translates from \(project.configuration.source.identifier)")
        }
        let post = project.root.appendingPathComponent(document.original).standardizedFileURL
        let content = project.contentDirectory.path + "/"
        guard !document.original.hasPrefix("/"), post.path.hasPrefix(content) else {
            throw TandemError.invalidValue(document.location, message: "'\(document.original)' is not a post inside the content directory \(project.configuration.content)/")
        }
        let url = try project.segmentFile(for: post, locale: target)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw TandemError.invalidValue(document.location, message: "\(document.original) has no segment file for '\(target.identifier)' (\(project.projectPath(of: url))); wrong target language, or the post was never extracted for it")
        }
        return (url, target)
    }

    private func apply(_ document: ReturnedDocument, to file: inout SegmentFile, post: String, report: inout ImportReport) {
        var index: [String: Int] = [:]
        for (position, segment) in file.segments.enumerated() where index[segment.id] == nil { index[segment.id] = position }
        var seen = Set<String>()
        // A translator's notes are kept on the segment whatever becomes of the target (a
        // question asked of an untranslated unit too); notes are only ever added, never
        // removed by a tool that does not send them back.
        func keepNotes(of unit: ReturnedUnit, at position: Int) {
            let existing = file.segments[position].notes ?? []
            let added = unit.notes.filter { !existing.contains($0) }
            guard !added.isEmpty else { return }
            file.segments[position].notes = existing + added
            report.notesAdded += added.count
        }
        func quarantine(_ unit: ReturnedUnit, _ reason: ImportReport.Reason, _ detail: String) {
            report.quarantined.append(.init(location: unit.location.description, post: post, id: unit.id, reason: reason, detail: detail))
        }
        for unit in document.units {
            guard seen.insert(unit.id).inserted else {
                quarantine(unit, .duplicateUnit, "unit \(unit.id) appears more than once; none of its copies after the first is applied")
                continue
            }
            guard let position = index[unit.id] else {
                let obsolete = file.obsolete?.contains { $0.id == unit.id } ?? false
                // A segment's id follows its text, so an edited sentence is a segment the file
                // did not export: the unit's source, alike enough, names it.
                if !obsolete, let source = unit.source, let same = Self.editedSegment(of: source, in: file, exported: document),
                   file.segments[same].source == source {
                    // Not an edit: the unit's id was changed on the way (by the tool or a hand).
                    quarantine(unit, .unknownUnit, "no segment of the post has this id, though segment \(file.segments[same].id) has this very source: the unit's id was changed since the export; export the post again")
                    continue
                }
                if !obsolete, let source = unit.source, let edited = Self.editedSegment(of: source, in: file, exported: document) {
                    let kept = Self.keepsForTheMemory(unit, source: source, edited: file.segments[edited], in: &file)
                    quarantine(unit, .staleSource, "the source changed since export (now: \(file.segments[edited].source)); "
                        + (kept ? "its translation is kept for the memory, which offers it for the new text (tandem next)" : "translate the new text (tandem next shows it with its memory matches)"))
                    continue
                }
                // A segment's id follows its source's text: a sentence edited since the export
                // has a new id, so "unknown" is most often an edit, and a new export has it.
                quarantine(unit, .unknownUnit, obsolete
                    ? "the sentence is no longer in the post"
                    : "no segment of the post has this id: its sentence was edited or deleted since the export; export the post again for its current text")
                continue
            }
            if !unit.problems.isEmpty {
                quarantine(unit, .unreadable, unit.problems.joined(separator: "; "))
                continue
            }
            let segment = file.segments[position]
            if let source = unit.source, source != segment.source {
                quarantine(unit, .staleSource, "the source changed since export (now: \(segment.source))")
                continue
            }
            // White space alone is no translation either: applied, the sentence vanished from the page.
            guard let target = unit.target, !BlankText.isBlank(target) else {
                keepNotes(of: unit, at: position)
                report.untranslated += 1
                continue
            }
            let codes = segment.inlineCodes
            let problems = codes.problems(in: target)
            if !problems.isEmpty {
                quarantine(unit, .inlineCodes, problems.map(\.description).joined(separator: "; "))
                continue
            }
            // What `set` refuses and `build` would stop at is not applied either.
            let textProblems = TargetTextProblem.problems(in: target, source: segment.source)
            if !textProblems.isEmpty {
                quarantine(unit, .unsafeText, textProblems.map(\.description).joined(separator: "; "))
                continue
            }
            // A target the tool only pre-filled with the source, still marked untranslated: never
            // a translation, whatever the segment holds now (it replaced a translation made in
            // Tandem since the export with the Chinese source).
            let untouched = unit.state == .new && target == segment.source
            if untouched || (target == segment.target && (unit.state ?? .translated) <= segment.state) {
                if untouched { report.untranslated += 1 } else { report.unchanged += 1 }
                keepNotes(of: unit, at: position)
                continue
            }
            if let exported = unit.exportedTarget, exported != (segment.target ?? ""), target != segment.target {
                quarantine(unit, .conflict, "the target was changed in Tandem since export (now: \(segment.target ?? "none")); not overwritten")
                continue
            }
            if segment.state == .final {
                quarantine(unit, .final, "the segment is final; a final target is never overwritten by an import")
                continue
            }
            var updated = segment
            let state: SegmentState = switch unit.state {
            case nil, .new?: .translated
            case let state?: state
            }
            if target != segment.target {
                updated.replaceTarget(with: target, state: state, origin: .xliff)
            } else {
                updated.state = max(segment.state, state)
            }
            file.segments[position] = updated
            keepNotes(of: unit, at: position)
            report.applied += 1
        }
    }

    /// The segment of `file` that the sentence `source` became by an edit: not one `document`
    /// exported (those have their own units), and the most alike at 50 % or more, as the memory
    /// scores a fuzzy match.
    static func editedSegment(of source: String, in file: SegmentFile, exported document: ReturnedDocument) -> Int? {
        let exported = Set(document.units.map(\.id))
        let positions = file.segments.indices.filter { !exported.contains(file.segments[$0].id) }
        guard !positions.isEmpty else { return nil }
        var similarity = SegmentSimilarity()
        let query = similarity.sentence(source)
        let candidates = positions.map { similarity.sentence(file.segments[$0].source) }
        return similarity.best(for: query, among: candidates, atLeast: 50).map { positions[$0.index] }
    }

    /// Keeps the translation of a sentence edited since the export as an obsolete segment of
    /// `file` (the old source and the translator's target), which the memory learns and offers
    /// for the edited sentence as a fuzzy match: the translator's work was thrown away. Only a
    /// real translation whose placeholders are the edited sentence's; true when kept.
    static func keepsForTheMemory(_ unit: ReturnedUnit, source: String, edited: SegmentEntry, in file: inout SegmentFile) -> Bool {
        guard let target = unit.target, !target.isEmpty, !(unit.state == .new && target == source),
              !(file.obsolete ?? []).contains(where: { $0.id == unit.id }),
              Set(CodedText(source).placeholders) == Set(CodedText(edited.source).placeholders),
              edited.inlineCodes.problems(in: target).isEmpty
        else { return false }
        var kept = SegmentEntry(id: unit.id, location: edited.location, source: source, codes: edited.codes)
        kept.replaceTarget(with: target, state: unit.state.map { max($0, .translated) } ?? .translated, origin: .xliff)
        file.obsolete = (file.obsolete ?? []) + [kept]
        return true
    }
}

import CCmark
import Course
import Foundation

// `make bench`, the loader: its input (the course corpus made about 1 MB long), libcmark-gfm
// alone as the yardstick, and the two as functions of their own for profiles.

/// About 1 MB of real course text: the corpus pages, the first whole, then the bodies of
/// all of them repeated (so there is one frontmatter, as in a real lesson).
func megabyteCourse() -> (String, String) {
    let folder = shared.appendingPathComponent("corpus/course").path
    var files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
        .filter { $0.hasSuffix(".md") }.sorted().map { folder + "/" + $0 }
    var origin = "../shared/corpus/course"
    if files.isEmpty {
        let fixtures = repository.appendingPathComponent("Tests/Fixtures/lessons").path
        files = ["every-block.md", "old-slide-marker.md"].map { fixtures + "/" + $0 }
        origin = "Tests/Fixtures (../shared is absent)"
    }
    let pages = files.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
    let bodies = pages.map { page -> String in
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return page }
        return lines[(end + 1)...].joined(separator: "\n")
    }
    var text = pages[0]
    var i = 0
    while text.utf8.count < 1_000_000 {
        text += "\n\n---\n\n" + bodies[i % bodies.count]
        i += 1
    }
    return (text, origin)
}

/// libcmark-gfm alone: the same parser options and extensions the loader uses.
func cmarkAlone(_ text: String) {
    cmark_gfm_core_extensions_ensure_registered()
    let parser = cmark_parser_new(CMARK_OPT_FOOTNOTES)!
    for name in ["table", "strikethrough", "tasklist", "autolink"] {
        if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
    }
    var text = text
    text.withUTF8 { buffer in
        buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
    }
    let document = cmark_parser_finish(parser)
    cmark_node_free(document)
    cmark_parser_free(parser)
}

@inline(never) func profileLoader(_ bytes: [UInt8]) { _ = Lesson.parse(bytes: bytes, file: "bench.md") }
@inline(never) func profileCmark(_ text: String) { cmarkAlone(text) }

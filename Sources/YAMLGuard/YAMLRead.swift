import Yams

/// How every YAML we read (frontmatter, quizzes, labs, mermaid's metadata, scenes' manifests)
/// is composed: Yams with its basic resolver. The default one finds a plain scalar's type with
/// ICU regular expressions, run whenever a node is hashed or compared: for every mapping key
/// while Yams looks for duplicates, and for every `node["key"]` (whose key takes the mapping's
/// resolver): a third of a course's check (`perf`, `reseau lint Lessons`), and ICU's pages
/// touched on opening a lesson. Our readers never use a resolved tag: they take a scalar's
/// text (Yams' `bool` and `int` read a plain scalar's text whatever the resolver), so the basic
/// resolver, every scalar a string, reads the same values.
public enum YAMLRead {
    public static let resolver = Resolver.basic

    public static func compose(_ yaml: String) throws -> Node? {
        try Yams.compose(yaml: yaml, resolver, .default, .utf8)
    }
}

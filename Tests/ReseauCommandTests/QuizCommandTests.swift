import Speech
import Words
import Foundation
import Testing
import Memory

/// `reseau quiz` and `reseau progress` run as a user runs them, each test with its own
/// $XDG_DATA_HOME, removed after it.
@Suite(.serialized)
final class QuizCommandTests {
    let data = NSTemporaryDirectory() + "reseau-xdg-\(UUID().uuidString)"
    deinit { try? FileManager.default.removeItem(atPath: data) }
    var progressPath: String { data + "/reseau/progress.json" }
    let lesson = CommandTests.fixture("quiz.md")

    var environment: [String: String] { ["XDG_DATA_HOME": data, "LANG": "C.UTF-8"] }

    func reseau(_ arguments: String..., input: String = "") throws -> CommandTests.Run {
        try CommandTests.run(arguments, input: input, environment: environment)
    }

    /// A reseau started with its standard input a pipe the test writes to.
    func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Child {
        try CommandTests.start(arguments, input: .pipe, environment: environment.merging(extra) { _, new in new })
    }

    @Test func lessonsAreNamedByTitleWordsAndUnknownNamesFail() throws {
        let quiz = try reseau("quiz", "--plain", "--lesson", "adresse virtuelle", "--lang", "en", input: "1\n")
        #expect(quiz.status == 0)
        #expect(quiz.out.contains("[1/"))
        let unknown = try reseau("quiz", "--plain", "--lesson", "zzz", "--lang", "en")
        #expect(unknown.status == 1)
        #expect(unknown.err.contains("no lesson matches “zzz”; the lessons are:"))
        #expect(unknown.err.contains("04-clusterip — ClusterIP : l'adresse virtuelle"))
        let saved = try savedProgress().cards.values.map(\.lesson)
        #expect(saved == ["04-clusterip"], "the one answer went to the lesson found by its title")
        let reset = try reseau("progress", "--reset", "adresse virtuelle", "--yes", "--lang", "en")
        #expect(reset.status == 0)
        #expect(reset.out.contains("Erased: 1 question."))
        #expect(try reseau("progress", "--reset", "zzz", "--yes").status == 1)
    }

    /// Issue "A quiz that teaches": a student answering the first choice to everything,
    /// without reading, fails the course.
    @Test func answeringTheFirstChoiceEverywhereFails() throws {
        let run = try reseau("quiz", "--plain", "--all", "--new", "1000", "--lang", "fr", "Lessons/", input: String(repeating: "1\n", count: 600))
        #expect(run.status == 0, "\(run.err)")
        let score = try #require(run.out.split(separator: "\n").last { $0.hasPrefix("Score : ") })
        let numbers = score.dropFirst("Score : ".count).prefix { $0 != " " }.split(separator: "/").compactMap { Int($0) }
        try #require(numbers.count == 2)
        #expect(numbers[1] >= 150, "the whole course was asked (\(numbers[1]) questions)")
        #expect(numbers[0] * 100 <= numbers[1] * 45, "first choice everywhere scores \(numbers[0])/\(numbers[1])")
    }

    /// Seen with `LANG=C`: the line modes printed UTF-8 (`réponse`, `✓`) that such a terminal
    /// shows as mojibake, while `render` folded. Now every line mode folds, letters kept.
    @Test func theLineModesWithoutUTF8AreASCIIWithTheirLetters() throws {
        let ascii = ["XDG_DATA_HOME": data, "LANG": "C", "LC_ALL": "", "LC_CTYPE": ""]
        let quiz = try CommandTests.run(["quiz", "--plain", "--lang", "fr", "Lessons/03-service-labels.md"], input: "1\n", environment: ascii)
        #expect(quiz.status == 0, "\(quiz.err)")
        #expect(quiz.out.utf8.allSatisfy { $0 < 0x80 }, "\(quiz.out)")
        #expect(quiz.out.contains("Votre reponse :") && quiz.out.contains("connaitre les Pods"), "\(quiz.out)")
        let plain = try CommandTests.run(["open", "--plain", "Lessons/03-service-labels.md"], input: "q\n", environment: ascii)
        #expect(plain.out.utf8.allSatisfy { $0 < 0x80 }, "\(plain.out)")
        #expect(plain.out.contains("[n suivante, p precedente, un numero, q quitter]"), "\(plain.out)")
    }

    func savedProgress() throws -> StudyProgress {
        try JSONDecoder().decode(StudyProgress.self, from: Data(contentsOf: URL(fileURLWithPath: progressPath)))
    }

    @Test func plainQuizThroughAPipeScoresAndSummarises() throws {
        // Six questions: two from the quiz block, four from the table (in lesson order).
        // Right (2: kube-proxy), wrong (only ClusterIP of ClusterIP + NodePort), then an
        // answer not understood, then stop with an empty line.
        let run = try reseau("quiz", "--plain", "--lang", "en", lesson, input: "2\n1\nzz\n\n")
        #expect(run.status == 0)
        let lines = run.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("[1/6] Quel composant programme les règles iptables des Services ?"))
        #expect(lines.contains("  2. kube-proxy"))
        #expect(lines.contains("✓ Right."))
        #expect(lines.contains("  kube-proxy écrit les chaînes KUBE-SERVICES sur chaque Node."))
        #expect(lines.contains("[2/6] Quels types de Service ont une ClusterIP ?"))
        #expect(lines.contains("Several answers (e.g. “1 3”):"))
        #expect(lines.contains("✗ Wrong. Right answer: 1. ClusterIP; 2. NodePort"))
        #expect(lines.contains { $0.hasPrefix("Answer not understood") })
        #expect(lines.contains("Score: 1/2 · best streak: 1"))
        #expect(lines.contains("Questions missed:"))
        #expect(lines.contains("  ✗ Quels types de Service ont une ClusterIP ?"))
        // Both answers were saved; the wrong one is due tomorrow, the right one in 3 days.
        let cards = try savedProgress().cards
        #expect(cards.count == 2)
        #expect(cards.values.map(\.scheduledDays).sorted() == [1, 3])
        #expect(cards.values.allSatisfy { $0.lesson == "quiz" })

        // The next round asks only what is new, and progress tells how the lesson stands.
        let again = try reseau("quiz", "--plain", "--lang", "en", lesson, input: "")
        #expect(again.out.contains("[1/4] Besoin : « Adresse stable interne ». Objet ?") || again.out.contains("[1/4] Besoin: “Adresse stable interne”. Objet?"))
        let progress = try reseau("progress", "--lang", "en", lesson)
        #expect(progress.status == 0)
        #expect(progress.out.contains("quiz    6          2     0    100 %"))
        #expect(progress.out.contains("Due now: 0 · new: 4 (reseau quiz)"))
    }

    /// The bundled course: `lint --strict` says nothing, and a plain quiz over the folder
    /// asks every question of the thirteen lessons, saves each answer, and shows each flow's
    /// real trace once.
    @Test func theBundledCourseLintsCleanAndItsQuizRunsThrough() throws {
        let lint = try reseau("lint", "--strict", "Lessons/")
        #expect(lint.status == 0, "\(lint.out)\(lint.err)")
        #expect(lint.out.isEmpty)
        let run = try reseau("quiz", "--plain", "--new", "1000", "--lang", "fr", "Lessons/", input: String(repeating: "1\n", count: 400))
        #expect(run.status == 0, "\(run.err)")
        let first = try #require(run.out.split(separator: "\n").first { $0.hasPrefix("[1/") })
        let total = try #require(Int(first.dropFirst(3).prefix { $0.isNumber }))
        #expect(total >= 13 * 5 + 60, "written and engine questions")
        #expect(first == "[1/\(total)] Qui attribue l'adresse d'un Pod ?")
        #expect(run.out.contains("[\(total)/\(total)] "))
        #expect(run.out.contains(" : sur quels Pods la requête peut-elle arriver ? (toutes les bonnes réponses)"))
        #expect(run.out.contains(" : sur quel Pod la requête arrive-t-elle ?"), "one right answer: no \"every right answer\"")
        #expect(run.out.contains("portable → kubectl port-forward svc/web:80 : "))
        #expect(run.out.components(separatedBy: "  La trace réelle :").count - 1 >= 30)
        #expect(run.out.contains("Score : "))
        #expect(try savedProgress().cards.count == total)
        let lessons = Set(try savedProgress().cards.values.map(\.lesson))
        #expect(lessons.count == 13)
    }

    @Test func resetAsksFirstAndKeepsProgressOnNo() throws {
        _ = try reseau("quiz", "--plain", lesson, input: "2\n\n")
        let no = try reseau("progress", "--reset", "quiz", "--lang", "en", input: "n\n")
        #expect(no.out.contains("Erase the progress of “quiz” (1 question)? [y/N] Nothing erased."))
        #expect(try savedProgress().cards.count == 1)
        _ = try reseau("quiz", "--plain", CommandTests.fixture("quiz-two.md"), input: "2\n\n")
        let yes = try reseau("progress", "--reset", "quiz", "--lang", "en", input: "y\n")
        #expect(yes.out.contains("Erased: 1 question."))
        #expect(try savedProgress().cards.values.map(\.lesson) == ["quiz-two"])
        // No lesson named: everything, after asking.
        let all = try reseau("progress", "--reset", "--lang", "fr", input: "o\n")
        #expect(all.out.contains("Effacer toute la progression (1 question) ? [o/N] Effacé : 1 question."))
        #expect(try savedProgress().cards.isEmpty)
    }

    @Test func aDamagedProgressFileIsKeptAsideAndTheQuizGoesOn() throws {
        try FileManager.default.createDirectory(atPath: data + "/reseau", withIntermediateDirectories: true)
        try Data("not json at all".utf8).write(to: URL(fileURLWithPath: progressPath))
        let run = try reseau("quiz", "--plain", "--lang", "en", lesson, input: "2\n\n")
        #expect(run.status == 0)
        #expect(run.out.contains("Score: 1/1"))
        #expect(run.err.contains("damaged"))
        let names = try FileManager.default.contentsOfDirectory(atPath: data + "/reseau")
        let aside = try #require(names.first { $0.hasPrefix("progress.json.damaged-") })
        #expect(try String(contentsOfFile: data + "/reseau/" + aside, encoding: .utf8) == "not json at all")
        #expect(try savedProgress().cards.count == 1)
    }

    func writeBigProgress() throws -> StudyProgress {
        var big = StudyProgress()
        for i in 0..<20_000 {
            big.cards["other/q\(i)"] = MemoryState(stability: 3, difficulty: 5, lastReview: 0, due: 1, reps: 1, lapses: 0, lesson: "other")
        }
        try FileManager.default.createDirectory(atPath: data + "/reseau", withIntermediateDirectories: true)
        try JSONEncoder().encode(big).write(to: URL(fileURLWithPath: progressPath))
        return big
    }

    /// A writer killed (SIGKILL) in the middle of writing its save, at twelve different points
    /// of a ~4 MB file: each time the file reads whole, as it was before that save.
    @Test func killingAWriterMidSaveLeavesTheOldFile() throws {
        let before = try writeBigProgress()
        for offset in [0, 1, 4_096, 65_536, 131_072, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000, 3_000_000, 3_500_000] {
            let writer = try start(["quiz", "--plain", lesson], environment: ["RESEAU_TEST_KILL_AFTER_BYTES": String(offset)])
            defer { writer.clean() }
            writer.write("2\n\n")
            writer.closeInput()
            #expect(writer.wait().signal == SIGKILL, "killed at byte \(offset)")
            #expect(try savedProgress() == before, "killed at byte \(offset)")
        }
        // The killed writers' temporary files are cleared by the next save, which lands.
        #expect(try FileManager.default.contentsOfDirectory(atPath: data + "/reseau").contains { $0.hasPrefix("progress.json.tmp-") })
        _ = try reseau("quiz", "--plain", lesson, input: "2\n\n")
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: data + "/reseau").contains { $0.hasPrefix("progress.json.tmp-") }))
        #expect(try savedProgress().cards.count == 20_001)
    }

    /// Writers answering as fast as they read, killed at random moments, many times: the
    /// file is always readable.
    @Test func killingWritersAtRandomNeverLeavesATornFile() throws {
        _ = try writeBigProgress()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<12 {
            let writer = try start(["quiz", "--plain", "--all", lesson])
            defer { writer.clean() }
            writer.write(String(repeating: "1\n", count: 6))
            usleep(UInt32.random(in: 50_000...700_000, using: &generator))
            writer.kill(SIGKILL)
            writer.wait()
            let progress = try savedProgress()
            #expect(progress.cards.count >= 20_000)
        }
    }

    @Test func twoProcessesAtOnceLoseNothing() throws {
        let first = try start(["quiz", "--plain", lesson]), second = try start(["quiz", "--plain", CommandTests.fixture("quiz-two.md")])
        defer { first.clean(); second.clean() }
        for writer in [first, second] {
            writer.write(String(repeating: "1\n", count: 6))
            writer.closeInput()
        }
        #expect(first.wait().status == 0)
        #expect(second.wait().status == 0)
        let cards = try savedProgress().cards
        #expect(cards.values.filter { $0.lesson == "quiz" }.count == 6)
        #expect(cards.values.filter { $0.lesson == "quiz-two" }.count == 6)
    }
}

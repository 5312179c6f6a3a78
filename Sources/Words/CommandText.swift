/// The command line's own texts: abstracts, help and usage errors (ArgumentParser's words around them: `ParserPhrase`).
public enum CommandText: Sendable, CaseIterable {
    case newPerDay
    case lessonByName
    case newMustBePositive
    case checkLessonsPrintsFileLineColError
    case exitStatus0WhenClean1When
    case lessonFilesOrFolders
    case labsTheEngineChecks, listTheLabs, writeALabsStartingFiles, checkALab, labReference, labFolder, checkTheLabsOwnCorrection, labResultAsJSON
    case treatWarningsAsErrorsForTheExit
    case outputFormatTextOrJson
    case languageOfTheMessagesFrOrEn
    case showHowAMermaidDiagramIsRead
    case aMmdFileAMarkdownLessonOr
    case printJsonInMermaidSOwnNames
    case listTheLessonsAndForEachSlide
    case languageOfTheProgramFrOrEn
    case openTheCourseInTheTerminalDefault
    case linearModeForScreenReadersAndPipes
    case asciiLineArtAlsoWhenTheLocale
    case languageOfTheProgramFrOrEn2
    case themeDarkLightProjectorOrMono
    case widthForPlainDefaultColumnsOr80
    case presentTheCourseProjectorThemeNoChrome
    case asciiLineArt
    case showWhatIsDueAndHowEach
    case lessonFilesOrFoldersWhoseQuestionsCount
    case eraseTheProgressOfTheLessonsNamed
    case withResetDoNotAsk
    case beQuizzedOnLessonsDueQuestionsFirst
    case progressIsKeptInXdgDataHome
    case lessonFilesOrFoldersDefaultTheBundled
    case lineModeNumberedChoicesAnswersReadLine
    case alsoAskTheQuestionsNotDueYet
    case desiredRetentionTheRecallProbabilityReviewsAim
    case atMostThisManyQuestions
    case printSlidesAsPlainTextExactlyAs
    case aLessonFileOrFolder
    case onlyThisSlide1BasedAcrossThe
    case everySlideTheDefault
    case widthInColumns
    case heightInRowsEachSlideShowsIts
    case theSlideSDiagramToShowFullScreen
    case theFlowOfThatDiagram
    case theHopOfThatFlowRequestThenReply
    case asciiLineArtInsteadOfUnicodeBox
    case languageOfTheProgramSWordsFr
    case kubernetesNetworkingTaughtInTheTerminal
    case withNoSubcommandOpensTheCourseAt
    case followARequestThroughASceneHop
    case srcIsAYamlFileOrLesson
    case theSceneAYamlFileOrLesson
    case whereTheRequestStarts
    case theUrlHttpGreen82Tcp10
    case insteadOfToKubectlPortForwardTarget
    case tcpOrUdp
    case httpMethod
    case aRequestHeaderKVRepeatable
    case seedForTheChoicesAClusterMakes
    case printJson
    case languageOfTheExplanationsFrOrEn
    case askTheClusterDnsOfAScene
    case theNameToLookUp
    case aAaaaSrvOrCname
    case thePodThatAsksItsNamespaceDecides
    case themeMustBeDarkLightProjectorOr
    case presentThemeDefaultProjector
    case alsoTheSpeakerNotes
    case followThePresenter
    case talkDurationCountdown
    case durationMustBe
    case retentionMustBeBetween07And
    case limitMustBeAtLeast1
    case widthMustBeAtLeast20
    case heightMustBeAtLeast3
    case slideAndAllGoOneWithoutThe
    case giveToUrlOrPortForwardTarget
    case portForwardTakesTargetPortPodWeb
    case protocolMustBeTcpOrUdp
    case typeMustBeAAaaaSrvOr
}

/// A usage error that names a value.
public enum UsageText: Sendable, Equatable {
    case headerNotKV(String)
    /// `reseau --lang fr present FILE`: a command's name after options reads as a path.
    case commandAfterOptions(String)
}

import ArgumentParser
import BulletinCore
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the files of a new plan or release, ready to fill in.",
        subcommands: [NewPlan.self, NewRelease.self]
    )
}

struct NewPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Create Content/plans/<slug>/ with plan.yaml, sections and an empty indicator table.",
        discussion: "The new plan builds at once; replace the placeholders with the plan's own text and figures."
    )

    @Argument(help: "The plan's folder name and URL: lower-case letters, digits and hyphens, e.g. cq-tech-2024.")
    var slug: String

    @Option(name: .long, help: "The content folder.")
    var content = "Content"

    @Option(name: .long, help: "The plan's title.")
    var title = "（规划名称）"

    func run() throws {
        do {
            let folder = try Scaffold.newPlan(slug: slug, title: title, content: URL(fileURLWithPath: content))
            print("created \(content)/plans/\(slug)/ (\(folder.files.joined(separator: ", "))); edit them, then run `bulletin build`")
        } catch let error as Scaffold.Failure {
            FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }
}

struct NewRelease: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Create Content/releases/<slug>.md: a dated note of what the bulletin publishes or updates.",
        discussion: "Releases are listed on the home page, on releases/index.html and in feed.xml, newest first."
    )

    @Argument(help: "The release's file name and URL, e.g. 2026-annual-update.")
    var slug: String

    @Option(name: .long, help: "The content folder.")
    var content = "Content"

    @Option(name: .long, help: "The release's title.")
    var title = "（发布标题）"

    @Option(name: .long, help: "The release date, YYYY-MM-DD (default: today).")
    var date: String?

    func run() throws {
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        do {
            _ = try Scaffold.newRelease(slug: slug, title: title, date: date ?? today, content: URL(fileURLWithPath: content))
            print("created \(content)/releases/\(slug).md; edit it, then run `bulletin build`")
        } catch let error as Scaffold.Failure {
            FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }
}

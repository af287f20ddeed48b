import Foundation
import Testing
@testable import Model

/// The names of a parse, by role, for short expectations.
private func names(_ assignments: [Assignment], _ role: ResponsibilityRole) -> [String] {
    assignments.filter { $0.role == role }.map(\.department.name)
}

/// One suite, so that `swift test --filter ResponsibilityTests` runs all of these.
@Suite struct ResponsibilityTests {}

extension ResponsibilityTests {
    @Suite struct NoteParsing {
        @Test func readsTheThreeRoleWords() {
            #expect(ResponsibilityRole(roleWord: "牵头单位") == .lead)
            #expect(ResponsibilityRole(roleWord: "牵头部门") == .lead)
            #expect(ResponsibilityRole(roleWord: "责任单位") == .responsible)
            #expect(ResponsibilityRole(roleWord: "责任部门") == .responsible)
            #expect(ResponsibilityRole(roleWord: "配合单位") == .cooperating)
            #expect(ResponsibilityRole(roleWord: "配合部门") == .cooperating)
            #expect(ResponsibilityRole(roleWord: "责 任单位") == .responsible)
            #expect(ResponsibilityRole(roleWord: "参与单位") == nil)
            #expect(ResponsibilityRole.allCases.map(\.label) == ["牵头单位", "责任单位", "配合单位"])

            let parsed = ResponsibilityNote.parse("（牵头单位：市科技局；责任单位：市教委；配合部门：市财政局）", region: "重庆市")
            #expect(parsed.map(\.role) == [.lead, .responsible, .cooperating])
            #expect(parsed.map(\.department.name) == ["市科技局", "市教委", "市财政局"])
        }

        @Test func removesTrailingDengAndSplitsOnBothCommas() {
            let parsed = ResponsibilityNote.parse("（牵头单位：市科技局；责任单位：市教委、市国资委、市市场监管局等）", region: "重庆市")
            #expect(names(parsed, .lead) == ["市科技局"])
            #expect(names(parsed, .responsible) == ["市教委", "市国资委", "市市场监管局"])

            let comma = ResponsibilityNote.parse("（责任单位：市科技局、市发展改革委、市教委、市人力社保局，市科技研究院）", region: "重庆市")
            #expect(names(comma, .responsible) == ["市科技局", "市发展改革委", "市教委", "市人力社保局", "市科技研究院"])
            #expect(names(ResponsibilityNote.parse("（责任单位：市国资委等单位）", region: "重庆市"), .responsible) == ["市国资委"])
        }

        @Test func keepsTheDistrictGovernmentsAfterAComma() {
            let parsed = ResponsibilityNote.parse("（牵头单位：市财政局、市科技局；责任单位：市经济信息委、市国资委，各区县政府）", region: "重庆市")
            #expect(names(parsed, .lead) == ["市财政局", "市科技局"])
            #expect(names(parsed, .responsible) == ["市经济信息委", "市国资委", "各区县政府"])
            // 等 before the comma, as 保障措施 writes it.
            let deng = ResponsibilityNote.parse("（牵头单位：市委宣传部、市科技局；责任单位：市经济信息委、市国资委等，各区县政府）", region: "重庆市")
            #expect(names(deng, .responsible) == ["市经济信息委", "市国资委", "各区县政府"])
            // Parentheses inside a name are not split.
            #expect(names(ResponsibilityNote.parse("（责任单位：各区县（自治县）政府、市科技局）", region: "重庆市"), .responsible)
                == ["各区县（自治县）政府", "市科技局"])
        }

        @Test func readsTheSourcePDFsHalfWidthAndWrappedForm() {
            // Copied from the seed of cq-tech-enterprises-2023: half-width punctuation, spaces where the PDF wrapped.
            let parsed = ResponsibilityNote.parse("(牵 头单位:市科技局;责任单位:市发展改 革委、市教委、市经济信 息委等,各区县 政府)", region: "重庆市")
            #expect(names(parsed, .lead) == ["市科技局"])
            #expect(names(parsed, .responsible) == ["市发展改革委", "市教委", "市经济信息委", "各区县政府"])
            #expect(names(ResponsibilityNote.parse("（牵头单位：市科技局；　责任单位：市财政局、　市国资委）", region: "重庆市"), .responsible)
                == ["市财政局", "市国资委"])
        }

        @Test func splitsOnHeOnlyBetweenOffices() {
            let parsed = ResponsibilityNote.parse("（责任单位：市科技局和市教委、市住房城乡建委、市住房和城乡建设委、市科技局及各区县政府）", region: "重庆市")
            #expect(names(parsed, .responsible) == ["市科技局", "市教委", "市住房城乡建委", "市住房和城乡建设委", "各区县政府"])
            #expect(names(ResponsibilityNote.parse("（牵头单位：两江新区管委会、西部科学城重庆高新区管委会）", region: "重庆市"), .lead)
                == ["两江新区管委会", "西部科学城重庆高新区管委会"])
        }

        @Test func deduplicatesWithinARoleButKeepsBothRoles() {
            let parsed = ResponsibilityNote.parse("（牵头单位：市科技局；责任单位：市教委、市科技局、市教委，市教委等）", region: "重庆市")
            #expect(names(parsed, .lead) == ["市科技局"])
            #expect(names(parsed, .responsible) == ["市教委", "市科技局"])
            #expect(parsed.count == 3)
        }

        @Test func namesWithoutARoleWordAreResponsible() {
            #expect(ResponsibilityNote.parse("（市科技局、市教委）", region: "重庆市").map(\.role) == [.responsible, .responsible])
            #expect(names(ResponsibilityNote.parse("责任单位：市科技局", region: "重庆市"), .responsible) == ["市科技局"])
            #expect(ResponsibilityNote.parse("（责任单位：、，等）", region: "重庆市").isEmpty)
            #expect(ResponsibilityNote.parse("", region: "重庆市").isEmpty)
        }

        @Test func theRegionTellsTwoCitiesOfficesApart() {
            let chongqing = Department(name: "市科技局", region: "重庆市"), changzhou = Department(name: "市科技局", region: "常州市")
            #expect(chongqing != changzhou)
            #expect(chongqing.id != changzhou.id)
            #expect(Set([chongqing, changzhou, Department(name: " 市科技局", region: "重庆市")]).count == 2)
            // Stable across runs and machines (the ids are in URLs): pinned.
            #expect(chongqing.id == Department(name: "市科技局", region: "重庆市").id)
            #expect(chongqing.id == "d-" + String(repeating: "0", count: 16 - pinnedHex.count) + pinnedHex)
            #expect(chongqing.id.wholeMatch(of: /d-[0-9a-f]{16}/) != nil)
            // ("a|b", "c") and ("a", "b|c") are not the same key.
            #expect(Department(name: "c", region: "a|b").id != Department(name: "b|c", region: "a").id)
            // Names are normalised, not renamed.
            #expect(Department(name: "重庆市税务局", region: "重庆市").name == "重庆市税务局")
        }

        /// FNV-1a over 重庆市, a separator, 市科技局, a separator, computed here independently of StableHash.
        private var pinnedHex: String {
            var value: UInt64 = 0xcbf29ce484222325
            for piece in ["重庆市", "市科技局"] {
                for byte in Array(piece.utf8) + [0xFF] { value = (value ^ UInt64(byte)) &* 0x100000001b3 }
            }
            return String(value, radix: 16)
        }
    }

    @Suite struct Extractor {
        @Test func readsATaskOfTheTechEnterprisesPlan() throws {
            let body = """
                ## （一）着力构建科技企业“微成长、小升高、高变强”梯次引育体系

                **1.孵化科技型企业**。围绕我市优势特色产业发展布局，充分发挥各类创新主体作用，加快孵化培育一批科技型企业。支持各类人才依托孵化平台、科创平台、互联网平台等创办科技型企业，鼓励链主企业和龙头骨干企业通过培育内部创业团队、投资产业化项目、剥离业务等方式派生创办科技型企业。对标科技型企业认定标准，支持各类企业集聚创新资源，加快成长为科技型企业。建立企业信息共享机制，将达标企业及时纳入科技型企业发展体系。（牵头单位：市科技局；责任单位：市教委、市经济信息委、市国资委、市市场监管局等）
                """
            let tasks = TaskExtractor.tasks(inSectionBody: body, sectionID: "tasks", region: "重庆市")
            let task = try #require(tasks.first)
            #expect(tasks.count == 1)
            #expect(task.number == "1")
            #expect(task.title == "孵化科技型企业")
            #expect(task.anchor == "task-1")
            #expect(task.sectionID == "tasks")
            #expect(task.line == 3)
            #expect(names(task.assignments, .lead) == ["市科技局"])
            #expect(names(task.assignments, .responsible) == ["市教委", "市经济信息委", "市国资委", "市市场监管局"])
            #expect(task.assignments.allSatisfy { $0.department.region == "重庆市" })
        }

        @Test func readsATaskOfTheSciTechServicesPlanWithRestartedNumbers() throws {
            let body = """
                ## （一）实施科技服务能级提升行动

                **1.研究开发服务**。支持面向装备制造等领域。（责任单位：市科技局、市发展改革委、市教委、市经济信息委、市大数据发展局）

                **2.科技信息与咨询服务**。大力发展软件产品和服务。

                ## （三）实施科技服务生态优化行动

                **1.强化管理服务**。采取认定、提升和新建的方式，加快完善全市科技管理体系和服务网络。认定一批检验检测认证、科技金融、技术转移、创业孵化、知识产权等引领型、骨干型和综合型科技管理服务机构，强化行业科技管理服务。提升市科技研究院、重庆生产力促进中心的科技服务能力和水平。新建重庆市科技服务业发展管理服务平台，增强科技服务薄弱环节。各区县（自治县）政府和两江新区、西部科学城重庆高新区、万盛经开区管委会（以下统称区县政府）要根据本地发展需求，建立健全区域科技管理服务体系。（责任单位：市科技局、市发展改革委，各区县政府）
                """
            let tasks = TaskExtractor.tasks(inSectionBody: body, sectionID: "tasks", region: "重庆市")
            #expect(tasks.map(\.anchor) == ["task-1", "task-2", "task-2-1"])
            #expect(tasks.map(\.line) == [3, 5, 9])
            let last = try #require(tasks.last)
            #expect(last.number == "1")
            #expect(last.title == "强化管理服务")
            #expect(last.assignments.map(\.role) == [.responsible, .responsible, .responsible])
            #expect(names(last.assignments, .responsible) == ["市科技局", "市发展改革委", "各区县政府"])
            #expect(tasks[1].assignments.isEmpty)
        }

        @Test func aTaskWithoutANoteHasNoAssignments() throws {
            let body = "**10.推进科技服务业机构国际化进程**。支持全球知名科技服务机构在我市设立功能总部，鼓励我市单位赴海外设立科技服务机构（含离岸创新中心）。"
            let extraction = TaskExtractor.extract(sectionBody: body, sectionID: "tasks", region: "常州市")
            let task = try #require(extraction.tasks.first)
            #expect(task.number == "10" && task.title == "推进科技服务业机构国际化进程" && task.anchor == "task-10")
            #expect(task.assignments.isEmpty)
            #expect(extraction.notes.isEmpty)
        }

        @Test func readsSafeguardsNumberedInParentheses() throws {
            let body = "**（二）加大资金投入**。建立稳定增长机制。（牵头单位：市财政局、市科技局；责任单位：市经济信息委、市国资委，各区县政府）"
            let task = try #require(TaskExtractor.tasks(inSectionBody: body, sectionID: "safeguards", region: "重庆市").first)
            #expect(task.number == "二" && task.title == "加大资金投入" && task.anchor == "task-2")
            #expect(names(task.assignments, .lead) == ["市财政局", "市科技局"])

            let fullWidth = TaskExtractor.tasks(inSectionBody: "**１．全角数字**。正文。", sectionID: "s", region: "重庆市")
            #expect(fullWidth.map(\.number) == ["１"] && fullWidth.map(\.anchor) == ["task-1"])  // as written, for the page's bold

            // Without a note, （一） is a sub-heading in prose (（一）指导思想), unless a note stands right after it.
            #expect(TaskExtractor.tasks(inSectionBody: "**（一）指导思想**。坚持以……为指导。", sectionID: "overview", region: "重庆市").isEmpty)
            let below = TaskExtractor.tasks(inSectionBody: "**（一）加强统筹协调**。建立机制。\n\n（牵头单位：市科技局）", sectionID: "s", region: "重庆市")
            #expect(below.map(\.anchor) == ["task-1"])
            #expect(names(below.first?.assignments ?? [], .lead) == ["市科技局"])
        }

        @Test func attributesANoteOnItsOwnLineAndReportsTheRest() {
            let body = """
                ## （一）总述

                （牵头单位：市发展改革委）

                全力壮大科技服务产业规模。（责任单位：市科技局）

                **1.研究开发服务**。支持研究开发。

                （牵头单位：市科技局；责任单位：市教委）

                **2.科技金融服务**。支持科技金融。

                另起一段，不是任务。

                （责任单位：市金融监管局）
                """
            let extraction = TaskExtractor.extract(sectionBody: body, sectionID: "tasks", region: "重庆市")
            #expect(extraction.notes.count == 4)
            #expect(extraction.notes.map(\.taskAnchor) == [nil, nil, "task-1", nil])
            #expect(extraction.notes.map(\.line) == [3, 5, 9, 15])
            #expect(extraction.unattributed.map(\.heading) == ["（一）总述", "（一）总述", "（一）总述"])
            #expect(names(extraction.tasks[0].assignments, .lead) == ["市科技局"])
            #expect(extraction.tasks[1].assignments.isEmpty)
        }

        @Test func survivesHostileText() {
            let script = ResponsibilityNote.parse("（牵头单位：<script>alert(1)</script>市科技局）", region: "重庆市")
            #expect(script.count == 1)
            #expect(script.first?.department.name.contains("<script>") == true)  // kept as text: escaping is the page's job
            #expect(script.first?.department.id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } == true)

            let unclosed = TaskExtractor.extract(sectionBody: "**1.任务**。正文（牵头单位：市科技局；责任单位：市教委", sectionID: "s", region: "重庆市")
            #expect(names(unclosed.tasks.first?.assignments ?? [], .lead) == ["市科技局"])
            #expect(names(unclosed.tasks.first?.assignments ?? [], .responsible) == ["市教委"])

            let long = "**1.长**。" + String(repeating: "（（（）", count: 5_000) + String(repeating: "字", count: 100_000)
                + "（责任单位：" + String(repeating: "市科技局、", count: 5_000) + "）"
            let tasks = TaskExtractor.tasks(inSectionBody: long + "\n\n" + String(repeating: "（", count: 20_000), sectionID: "s", region: "重庆市")
            #expect(tasks.count == 1)
            #expect(tasks.first?.assignments.count == 1)

            #expect(TaskExtractor.tasks(inSectionBody: "**1.**。\n\n**1.5倍**增长\n\n**一**\n\n**", sectionID: "s", region: "r").isEmpty)
            #expect(ResponsibilityNote.parse("））（（；；：：", region: "r").isEmpty)
        }
    }

    @Suite struct Content {
        static let plans = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Content/plans")

        /// The body after the front matter, as the loader gives it to the extractor.
        static func body(_ text: String) -> String {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return text }
            return lines[(end + 1)...].joined(separator: "\n")
        }

        @Test func everyNoteInTheContentIsFoundAndEveryTaskIsRead() throws {
            let folders = try FileManager.default.contentsOfDirectory(atPath: Self.plans.path).sorted()
            var total = 0
            for folder in folders {
                let planFolder = Self.plans.appendingPathComponent(folder)
                guard let files = try? FileManager.default.contentsOfDirectory(atPath: planFolder.path) else { continue }
                for file in files.sorted() where file.hasSuffix(".md") {
                    let text = String(decoding: try Data(contentsOf: planFolder.appendingPathComponent(file)), as: UTF8.self)
                    let body = Self.body(text)
                    let extraction = TaskExtractor.extract(sectionBody: body, sectionID: file, region: "r")
                    let where_ = "\(folder)/\(file)"

                    let plainNotes = body.matches(of: /（[^（）]*(单位|部门)：[^（）]*）/).map { String($0.output.0) }
                    #expect(extraction.notes.map(\.text).sorted() == plainNotes.sorted(), "\(where_)")
                    let anchors = Set(extraction.tasks.map(\.anchor))
                    #expect(anchors.count == extraction.tasks.count, "anchors unique in \(where_)")
                    for note in extraction.notes {
                        #expect(note.taskAnchor.map(anchors.contains) ?? true, "\(where_):\(note.line)")
                        #expect(!note.assignments.isEmpty, "\(where_):\(note.line) \(note.text)")
                    }
                    let attributed = extraction.notes.filter { $0.taskAnchor != nil }.count
                    #expect(attributed + extraction.unattributed.count == plainNotes.count, "\(where_)")

                    // Numbered paragraphs, and （一） ones that carry a note (paragraphs are one line in the content).
                    let taskLines = body.split(separator: "\n", omittingEmptySubsequences: false).filter {
                        $0.wholeMatch(of: /\*\*[0-9]+[.．、][^*]+\*\*.*/) != nil
                            || $0.wholeMatch(of: /\*\*（[一二三四五六七八九十]+）[^*]+\*\*.*（[^（）]*(单位|部门)：[^（）]*）.*/) != nil
                    }
                    #expect(extraction.tasks.count == taskLines.count, "\(where_)")
                    for task in extraction.tasks {
                        let line = body.split(separator: "\n", omittingEmptySubsequences: false)[task.line - 1]
                        #expect(line.hasPrefix("**") && line.contains(task.title), "\(where_):\(task.line)")
                    }
                    total += plainNotes.count
                }
            }
            #expect(total > 0)
        }
    }
}

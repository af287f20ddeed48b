import Testing
@testable import Charts

/// The test vectors of d3-array's ticks-test.js, tickIncrement-test.js and nice-test.js.
@Suite struct TicksTests {
    @Test func returnsApproximatelyCountPlusOneTicks() {
        let cases: [(Double, Double, Double, [Double])] = [
            (0, 1, 10, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
            (0, 1, 9, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
            (0, 1, 8, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
            (0, 1, 7, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
            (0, 1, 6, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
            (0, 1, 5, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
            (0, 1, 4, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
            (0, 1, 3, [0.0, 0.5, 1.0]),
            (0, 1, 2, [0.0, 0.5, 1.0]),
            (0, 1, 1, [0.0, 1.0]),
            (0, 10, 10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
            (0, 10, 9, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
            (0, 10, 8, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
            (0, 10, 7, [0, 2, 4, 6, 8, 10]),
            (0, 10, 6, [0, 2, 4, 6, 8, 10]),
            (0, 10, 5, [0, 2, 4, 6, 8, 10]),
            (0, 10, 4, [0, 2, 4, 6, 8, 10]),
            (0, 10, 3, [0, 5, 10]),
            (0, 10, 2, [0, 5, 10]),
            (0, 10, 1, [0, 10]),
            (-10, 10, 10, [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
            (-10, 10, 9, [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
            (-10, 10, 8, [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
            (-10, 10, 7, [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
            (-10, 10, 6, [-10, -5, 0, 5, 10]),
            (-10, 10, 5, [-10, -5, 0, 5, 10]),
            (-10, 10, 4, [-10, -5, 0, 5, 10]),
            (-10, 10, 3, [-10, -5, 0, 5, 10]),
            (-10, 10, 2, [-10, 0, 10]),
            (-10, 10, 1, [0]),
        ]
        for (start, stop, count, expected) in cases {
            #expect(Ticks.ticks(start, stop, count: count) == expected, "ticks(\(start), \(stop), \(count))")
            #expect(Ticks.ticks(stop, start, count: count) == expected.reversed(), "ticks(\(stop), \(start), \(count))")
        }
    }

    @Test func handlesPrecisionProblems() {
        #expect(Ticks.ticks(0.98, 1.14, count: 10) == [0.98, 1, 1.02, 1.04, 1.06, 1.08, 1.1, 1.12, 1.14])
    }

    @Test func degenerateArguments() {
        #expect(Ticks.ticks(.nan, 1, count: 1) == [])
        #expect(Ticks.ticks(0, .nan, count: 1) == [])
        #expect(Ticks.ticks(0, 1, count: .nan) == [])
        #expect(Ticks.ticks(1, 1, count: -1) == [])
        #expect(Ticks.ticks(1, 1, count: 0) == [])
        #expect(Ticks.ticks(1, 1, count: 1) == [1])
        #expect(Ticks.ticks(1, 1, count: 10) == [1])
        #expect(Ticks.ticks(0, 1, count: 0) == [])
        #expect(Ticks.ticks(0, 1, count: -1) == [])
        #expect(Ticks.ticks(0, 1, count: .infinity) == [])
        #expect(Ticks.ticks(0, 2.2, count: 3) == [0, 1, 2])
        let last = Ticks.ticks(-1, 0, count: 5).last!
        #expect(last == 0 && last.sign == .plus, "no negative zero")
    }

    @Test func tickIncrement() {
        let cases: [(Double, Double, Double, Double)] = [
            (0, 1, 10, -10), (0, 1, 9, -10), (0, 1, 8, -10), (0, 1, 7, -5), (0, 1, 6, -5), (0, 1, 5, -5),
            (0, 1, 4, -5), (0, 1, 3, -2), (0, 1, 2, -2), (0, 1, 1, 1), (0, 10, 10, 1), (0, 10, 9, 1), (0, 10, 8, 1),
            (0, 10, 7, 2), (0, 10, 6, 2), (0, 10, 5, 2), (0, 10, 4, 2), (0, 10, 3, 5), (0, 10, 2, 5), (0, 10, 1, 10),
            (-10, 10, 10, 2), (-10, 10, 9, 2), (-10, 10, 8, 2), (-10, 10, 7, 2), (-10, 10, 6, 5), (-10, 10, 5, 5),
            (-10, 10, 4, 5), (-10, 10, 3, 5), (-10, 10, 2, 10), (-10, 10, 1, 20),
        ]
        for (start, stop, count, expected) in cases {
            #expect(Ticks.tickIncrement(start, stop, count: count) == expected, "tickIncrement(\(start), \(stop), \(count))")
        }
        #expect(Ticks.tickStep(0, 1, count: 10) == 0.1)
        #expect(Ticks.tickStep(1, 0, count: 10) == -0.1)
    }

    @Test func niceDomains() {
        let cases: [(Double, Double, Double, Double, Double)] = [
            (0.132, 0.876, 1000, 0.132, 0.876), (0.132, 0.876, 100, 0.13, 0.88), (0.132, 0.876, 30, 0.12, 0.88),
            (0.132, 0.876, 10, 0.1, 0.9), (0.132, 0.876, 6, 0.1, 0.9), (0.132, 0.876, 5, 0, 1), (0.132, 0.876, 1, 0, 1),
            (132, 876, 1000, 132, 876), (132, 876, 100, 130, 880), (132, 876, 30, 120, 880), (132, 876, 10, 100, 900),
            (132, 876, 6, 100, 900), (132, 876, 5, 0, 1000), (132, 876, 1, 0, 1000),
        ]
        for (start, stop, count, lo, hi) in cases {
            let (a, b) = Ticks.nice(start, stop, count: count)
            #expect(a == lo && b == hi, "nice(\(start), \(stop), \(count)) = (\(a), \(b))")
        }
        #expect(Ticks.nice(1, 1, count: 10) == (1, 1))
        #expect(Ticks.nice(0, 1, count: 0) == (0, 1))
        #expect(Ticks.nice(0, 1, count: .infinity) == (0, 1))
    }

    @Test func yearsAndCountsTakeWholeSteps() {
        let years = LinearScale(domain: (2020, 2025), range: (0, 100))
        #expect(years.wholeTicks(count: 10) == [2020, 2021, 2022, 2023, 2024, 2025])
        let two = LinearScale(domain: (2023, 2024), range: (0, 100))
        #expect(two.wholeTicks(count: 10) == [2023, 2024])
        #expect(LinearScale(domain: (0, 3), range: (0, 1)).wholeTicks(count: 10) == [0, 1, 2, 3])
    }

    @Test func decimalsFollowTheStep() {
        #expect(Ticks.decimals(forStep: 0.1) == 1)
        #expect(Ticks.decimals(forStep: 0.25) == 2)
        #expect(Ticks.decimals(forStep: 5) == 0)
        #expect(Ticks.decimals(forStep: 0.02) == 2)
    }
}

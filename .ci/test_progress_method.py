#!/usr/bin/env python3
"""Self checks of the progress method as .ci/check-data recomputes it (docs/progress-method.md), one per edge case
the method names. Run: python3 .ci/test_progress_method.py"""
import importlib.machinery
import importlib.util
import sys
import unittest
from pathlib import Path

sys.dont_write_bytecode = True
_path = Path(__file__).with_name("check-data")
_loader = importlib.machinery.SourceFileLoader("check_data", str(_path))
_spec = importlib.util.spec_from_loader("check_data", _loader)
check_data = importlib.util.module_from_spec(_spec)
_loader.exec_module(check_data)
recompute, same, AnyOf, is_cumulative = check_data.recompute, check_data.same, check_data.AnyOf, check_data.is_cumulative

PERIOD = {"start": 2023, "end": 2027}


def indicator(targets, reported=(), baseline=None, direction="increase", unit="万家", kind="level", manual=None):
    return {
        "id": "x", "direction": direction, "unit": unit, "kind": kind, "baseline": baseline, "manual": manual,
        "targets": [{"year": y, "value": v, "comparator": c, "quote": "…"} for y, v, c in targets],
        "reported": [{"year": y, "value": v, "note": None,
                      "source": {"publisher": "p", "title": "t", "url": "https://example.org/", "published": None,
                                 "repost": False}} for y, v in reported],
    }


def status(ind, as_of=2024, period=PERIOD):
    return recompute(ind, period, as_of)["status"]


class WorkedExample(unittest.TestCase):
    """技术合同成交额: no base in the plan; 2022 reported 630.4; 2024 974.24; 超过1300 in 2027."""

    def test_worked_example(self):
        p = recompute(indicator([(2027, 1300, "超过")], [(2022, 630.4), (2023, 800), (2024, 974.24)], unit="亿元"),
                      PERIOD, 2024)
        self.assertEqual(p["status"], "ahead")
        self.assertEqual(p["method"], "time-elapsed")
        self.assertEqual((p["baseYear"], p["baseValue"]), (2022, 630.4))
        self.assertEqual((p["latestYear"], p["latestValue"]), (2024, 974.24))
        self.assertEqual((p["targetYear"], p["targetValue"], p["comparator"]), (2027, 1300, "超过"))
        self.assertAlmostEqual(p["timeElapsed"], 0.4, places=12)
        self.assertAlmostEqual(p["distanceCovered"], 343.84 / 669.6, places=12)
        self.assertAlmostEqual(p["distanceCovered"], 0.5135, places=4)
        self.assertAlmostEqual(p["growthRatio"], 1.56, places=2)
        cagr_a = (974.24 / 630.4) ** 0.5 - 1
        cagr_r = (1300 / 630.4) ** 0.2 - 1
        self.assertAlmostEqual(cagr_a, 0.243, places=3)
        self.assertAlmostEqual(cagr_r, 0.156, places=3)

    def test_a_later_figure_is_not_read_before_A(self):
        p = recompute(indicator([(2027, 1300, "超过")], [(2022, 630.4), (2024, 974.24), (2025, 2000)]), PERIOD, 2024)
        self.assertEqual((p["latestYear"], p["status"]), (2024, "ahead"))


class Base(unittest.TestCase):
    def test_plan_base_value_wins(self):
        p = recompute(indicator([(2027, 10, None)], [(2022, 3), (2024, 6)], baseline={"year": 2022, "value": 2}),
                      PERIOD, 2024)
        self.assertEqual((p["baseYear"], p["baseValue"]), (2022, 2))

    def test_base_year_without_value_takes_the_reported_figure(self):
        p = recompute(indicator([(2027, 10, None)], [(2022, 3), (2024, 6)], baseline={"year": 2022, "value": None}),
                      PERIOD, 2024)
        self.assertEqual((p["baseYear"], p["baseValue"]), (2022, 3))

    def test_no_base_value_anywhere(self):
        ind = indicator([(2027, 10, None)], [(2024, 6)], baseline={"year": 2022, "value": None})
        p = recompute(ind, PERIOD, 2024)
        self.assertEqual((p["status"], p["baseValue"], p["reason"]), ("no-data", None, "缺少基期数值"))
        self.assertIsNone(p["growthRatio"])

    def test_no_base_still_judges_met_and_missed(self):
        self.assertEqual(status(indicator([(2027, 10, None)], [(2024, 11)])), "achieved-early")
        self.assertEqual(status(indicator([(2024, 10, None)], [(2024, 9)])), "missed")


class Comparators(unittest.TestCase):
    """以上 vs 超过/突破 vs 左右 vs 力争, with the latest figure exactly at, just under and near the target."""

    def judge(self, comparator, latest, target=100):
        return status(indicator([(2027, target, comparator)], [(2022, 50), (2024, latest)]))

    def test_at_least_meets_at_the_number(self):
        self.assertEqual(self.judge("以上", 100), "achieved-early")
        self.assertEqual(self.judge("达", 100), "achieved-early")
        self.assertEqual(self.judge(None, 100), "achieved-early")

    def test_exceed_and_break_through_are_strict(self):
        self.assertEqual(self.judge("超过", 100), "ahead")  # 50 → 100 not beyond: P = 1, E = 0.4
        self.assertEqual(self.judge("突破", 100), "ahead")
        self.assertEqual(self.judge("超过", 100.01), "achieved-early")

    def test_about_counts_within_five_percent(self):
        self.assertEqual(self.judge("左右", 95), "achieved-early")
        self.assertEqual(self.judge("左右", 94.9), "ahead")
        self.assertEqual(self.judge("以上", 95), "ahead")

    def test_strive_is_judged_as_written(self):
        self.assertEqual(self.judge("力争", 99.9), "ahead")
        self.assertEqual(self.judge("力争", 100), "achieved-early")

    def test_strict_at_the_target_year_is_missed(self):
        p = recompute(indicator([(2024, 100, "超过")], [(2022, 50), (2024, 100)]), PERIOD, 2024)
        self.assertEqual(p["status"], "missed")

    def test_achieved_in_the_target_year(self):
        self.assertEqual(status(indicator([(2024, 100, "以上")], [(2022, 50), (2024, 100)])), "achieved")


class Decrease(unittest.TestCase):
    def test_decrease_target(self):
        # 能耗 down from 1.0 (2022) toward 0.8 in 2027; 2024 at 0.92: P = 0.4, E = 0.4 → on-track.
        p = recompute(indicator([(2027, 0.8, None)], [(2024, 0.92)], baseline={"year": 2022, "value": 1.0},
                                direction="decrease", unit="吨标准煤/万元"), PERIOD, 2024)
        self.assertEqual(p["status"], "on-track")
        self.assertAlmostEqual(p["distanceCovered"], 0.4)
        self.assertAlmostEqual(p["timeElapsed"], 0.4)
        self.assertGreater(p["growthRatio"], 0)  # both CAGRs negative: the ratio is positive

    def test_decrease_met_and_rising(self):
        ind = lambda latest: indicator([(2027, 0.8, None)], [(2024, latest)],
                                       baseline={"year": 2022, "value": 1.0}, direction="decrease")
        self.assertEqual(status(ind(0.8)), "achieved-early")
        self.assertEqual(status(ind(1.1)), "lagging")  # P = −0.5


class TargetMetAtBase(unittest.TestCase):
    def test_base_meets_target_and_no_later_figure(self):
        p = recompute(indicator([(2027, 5, "以上")], [(2022, 6)]), PERIOD, 2024)
        self.assertEqual((p["status"], p["reason"]), ("achieved", "基期已达到目标"))

    def test_base_met_and_latest_no_longer(self):
        self.assertEqual(status(indicator([(2027, 5, "以上")], [(2022, 6), (2024, 4.9)])), "lagging")

    def test_target_equal_to_base_with_exceed(self):
        # 超过5 from a base of 5: the base does not meet the target strictly, and |x* − x0| = 0 leaves P undefined;
        # the rule "the base already met the target (d·(x0 − x*) ≥ 0)" catches it: lagging, no P, no R.
        p = recompute(indicator([(2027, 5, "超过")], [(2022, 5), (2024, 5)]), PERIOD, 2024)
        self.assertEqual(p["status"], "lagging")
        self.assertIsNone(p["growthRatio"])
        self.assertTrue(same(p["distanceCovered"], None))


class OnlyOnePoint(unittest.TestCase):
    def test_only_the_base(self):
        p = recompute(indicator([(2027, 10, None)], [(2022, 3)]), PERIOD, 2024)
        self.assertEqual((p["status"], p["method"], p["latestYear"]), ("no-data", "none", None))
        self.assertEqual((p["timeElapsed"], p["distanceCovered"], p["growthRatio"]), (None, None, None))
        self.assertIsNone(p["reason"])

    def test_only_a_latest_figure(self):
        p = recompute(indicator([(2027, 10, None)], [(2024, 3)]), PERIOD, 2024)
        self.assertEqual(p["status"], "no-data")
        self.assertTrue(same(p["baseYear"], None) and same(p["baseYear"], 2022))  # either is accepted

    def test_nothing_reported(self):
        p = recompute(indicator([(2025, 1, "突破"), (2027, 1.28, "超过")]), PERIOD, 2024)
        self.assertEqual((p["status"], p["targetYear"]), ("no-data", 2025))

    def test_no_target(self):
        self.assertEqual(status(indicator([], [(2022, 1), (2024, 2)])), "no-data")


class TargetYearPast(unittest.TestCase):
    def test_target_year_past_without_a_final_figure(self):
        p = recompute(indicator([(2023, 10, None)], [(2022, 3)]), PERIOD, 2024)
        self.assertEqual((p["status"], p["targetYear"]), ("no-data", 2023))
        self.assertEqual(p["reason"], "目标年份已过")

    def test_target_year_is_A(self):
        self.assertEqual(recompute(indicator([(2024, 10, None)], [(2022, 3)]), PERIOD, 2024)["reason"], "目标年份已过")

    def test_figure_before_the_target_year_is_judged_on_time(self):
        # A = 2025 but the latest figure is 2024: the 2025 target, judged by time, not missed.
        p = recompute(indicator([(2025, 10, None), (2027, 20, None)], [(2022, 2), (2024, 3)]), PERIOD, 2025)
        self.assertEqual((p["targetYear"], p["status"]), (2025, "lagging"))

    def test_latest_past_every_target_takes_the_last(self):
        p = recompute(indicator([(2024, 10, None), (2025, 12, None)], [(2022, 2), (2026, 11)]), PERIOD, 2026)
        self.assertEqual((p["targetYear"], p["status"]), (2025, "missed"))

    def test_the_first_target_not_before_the_latest(self):
        p = recompute(indicator([(2025, 1, "突破"), (2027, 1.28, "超过")], [(2022, 0.6348), (2024, 0.8)]),
                      PERIOD, 2024)
        self.assertEqual(p["targetYear"], 2025)


class ZerosAndNegatives(unittest.TestCase):
    def test_zero_base(self):
        p = recompute(indicator([(2027, 10, None)], [(2022, 0), (2024, 6)]), PERIOD, 2024)
        self.assertEqual(p["status"], "ahead")  # P = 0.6, E = 0.4
        self.assertIsNone(p["growthRatio"])

    def test_negative_rate(self):
        # a growth rate from −2 % toward +3 %: P computable, R undefined
        p = recompute(indicator([(2027, 3, None)], [(2022, -2), (2024, 0)], unit="%"), PERIOD, 2024)
        self.assertAlmostEqual(p["distanceCovered"], 0.4)
        self.assertEqual(p["status"], "on-track")
        self.assertIsNone(p["growthRatio"])

    def test_negative_latest_and_zero_target(self):
        self.assertIsNone(recompute(indicator([(2027, 3, None)], [(2022, 1), (2024, -1)]), PERIOD, 2024)["growthRatio"])
        self.assertIsNone(recompute(indicator([(2027, 0, None)], [(2022, 1), (2024, 0.5)], direction="decrease"),
                                   PERIOD, 2024)["growthRatio"])

    def test_falling_increase_target_has_negative_ratio(self):
        p = recompute(indicator([(2027, 20, None)], [(2022, 10), (2024, 9)]), PERIOD, 2024)
        self.assertEqual(p["status"], "lagging")
        self.assertLess(p["growthRatio"], 0)


class PerYearAndCumulative(unittest.TestCase):
    def per_year(self, latest, year=2024, target_year=2027):
        return recompute(indicator([(target_year, 10, "力争")], [(2022, 8), (year, latest)], unit="家/年",
                                   kind="annual-rate"), PERIOD, year)

    def test_per_year_met_before_its_year(self):
        p = self.per_year(10)
        self.assertEqual((p["status"], p["method"]), ("on-track", "annual-rate"))
        self.assertEqual((p["timeElapsed"], p["distanceCovered"], p["growthRatio"]), (None, None, None))

    def test_per_year_not_met_before_its_year(self):
        self.assertEqual(self.per_year(7)["status"], "lagging")

    def test_per_year_in_its_year(self):
        self.assertEqual(self.per_year(12, 2027)["status"], "achieved")
        self.assertEqual(self.per_year(9, 2027)["status"], "missed")

    def test_per_year_from_the_unit_alone(self):
        p = recompute(indicator([(2027, 20, "超过")], [(2022, 8), (2024, 25)], unit="家/年"), PERIOD, 2024)
        self.assertEqual((p["status"], p["method"]), ("on-track", "annual-rate"))

    def test_cumulative_starts_from_zero(self):
        # 累计新增1000家 over 2023—2027; 2024 cumulative 450: x0 = 0 in 2022, P = 0.45, E = 0.4 → on-track.
        p = recompute(indicator([(2027, 1000, "累计")], [(2022, 300), (2024, 450)], unit="家", kind="cumulative"),
                      PERIOD, 2024)
        self.assertEqual((p["baseYear"], p["baseValue"]), (2022, 0))
        self.assertEqual(p["status"], "on-track")
        self.assertAlmostEqual(p["distanceCovered"], 0.45)
        self.assertIsNone(p["growthRatio"])  # a start from 0

    def test_cumulative_met(self):
        p = recompute(indicator([(2027, 1000, "累计")], [(2024, 1000)], unit="家", kind="cumulative"), PERIOD, 2024)
        self.assertEqual(p["status"], "achieved-early")


    def test_per_year_without_a_later_figure(self):
        # The first rule of step 6 holds for every kind: a base that meets the target is 基期已达到目标.
        ind = lambda base: indicator([(2027, 10, None)], [(2022, base)], unit="家/年", kind="annual-rate")
        self.assertEqual(status(ind(12)), "achieved")
        self.assertEqual(status(ind(8)), "no-data")


class Edges(unittest.TestCase):
    """A comparison exactly on a threshold, which floating point misses by 1e-17."""

    def test_lead_of_exactly_ten_points_is_ahead(self):
        p = recompute(indicator([(2027, 1000, "累计")], [(2024, 500)], unit="家", kind="cumulative"), PERIOD, 2024)
        self.assertLess(p["distanceCovered"] - p["timeElapsed"], 0.1)  # 0.09999999999999998
        self.assertEqual(p["status"], "ahead")
        p = recompute(indicator([(2027, 0.8, None)], [(2024, 0.9)], baseline={"year": 2022, "value": 1.0},
                                direction="decrease"), PERIOD, 2024)
        self.assertEqual(p["status"], "ahead")  # P = 0.5, E = 0.4

    def test_trail_of_exactly_ten_points_is_on_track(self):
        self.assertEqual(status(indicator([(2027, 100, None)], [(2022, 0), (2024, 30)])), "on-track")

    def test_about_at_exactly_five_percent(self):
        self.assertEqual(status(indicator([(2027, 1.2, "左右")], [(2022, 1), (2024, 1.14)])), "achieved-early")

    def test_at_least_at_the_number_after_arithmetic(self):
        self.assertEqual(status(indicator([(2027, 0.3, "以上")], [(2022, 0.1), (2024, 0.1 + 0.2)])),
                         "achieved-early")
        self.assertEqual(status(indicator([(2027, 0.3, "超过")], [(2022, 0.1), (2024, 0.1 + 0.2)])), "ahead")

    def test_no_bulletin_year_takes_the_first_target(self):
        p = recompute(indicator([(2025, 1, None), (2027, 2, None)]), PERIOD, None)
        self.assertEqual((p["status"], p["targetYear"], p["reason"]), ("no-data", 2025, None))


class Manual(unittest.TestCase):
    def test_manual_status_wins(self):
        p = recompute(indicator([(2027, 10, None)], [(2022, 1), (2024, 9)],
                                manual={"status": "on-track", "reason": "保持在合理区间"}), PERIOD, 2024)
        self.assertEqual((p["status"], p["method"], p["reason"]), ("on-track", "manual", "保持在合理区间"))


class Bands(unittest.TestCase):
    def test_band_edges(self):
        # base 0 (2022) → target 100 (2027); 2024: E = 0.4. P − E ≥ 0.10 ahead; ≥ −0.10 on-track; else lagging.
        judge = lambda latest: status(indicator([(2027, 100, None)], [(2022, 0), (2024, latest)]))
        self.assertEqual(judge(51), "ahead")
        self.assertEqual(judge(49), "on-track")
        self.assertEqual(judge(31), "on-track")
        self.assertEqual(judge(29), "lagging")


class BoundsAndRanks(unittest.TestCase):
    """Targets in the plan's words: a ceiling, a rank, and a rank beside a level."""

    def test_a_ceiling_is_met_from_below_whatever_the_direction(self):
        ind = indicator([(2027, 100, None)], [(2022, 120), (2024, 95)])
        ind["targets"][0]["bound"] = "at-most"
        self.assertEqual(status(ind), "achieved-early")
        ind["reported"][1]["value"] = 101
        self.assertNotEqual(status(ind), "achieved-early")

    def test_a_rank_is_met_at_or_above_its_place(self):
        ind = indicator([(2027, 40, None)], [(2022, 52), (2024, 40)], direction="decrease", unit="位")
        ind["targets"][0].update(measure="rank", bound="at-most")
        self.assertEqual(status(ind), "achieved-early")
        ind["reported"][1]["value"] = 41
        self.assertNotEqual(status(ind), "achieved-early")

    def test_a_rank_beside_a_level_is_not_judged_on_the_levels(self):
        ind = indicator([(2027, 209, "以上"), (2027, 3, None)], [(2022, 150), (2024, 210)])
        ind["targets"][1].update(measure="rank", bound="at-most")
        result = recompute(ind, PERIOD, 2024)
        self.assertEqual(result["targetValue"], 209)
        self.assertEqual(result["status"], "achieved-early")

    def test_a_total_in_words_counts_from_zero(self):
        ind = indicator([(2025, 50, None)], [(2024, 30)], unit="家")
        ind["targets"][0].update(words="累计建成…左右", bound="about", measure="total")
        self.assertTrue(is_cumulative(ind))


class Multiples(unittest.TestCase):
    """双倍增: a multiple of the base, judged as the level it sets once the base is known."""

    def test_a_doubling_is_judged_on_twice_the_base(self):
        ind = indicator([(2027, 2, None)], [(2022, 0.6348), (2024, 1.3)], baseline={"year": 2022, "value": None})
        ind["targets"][0].update(measure="multiple", words="在2022年的基础上实现“双倍增”")
        result = recompute(ind, PERIOD, 2024)
        self.assertAlmostEqual(result["targetValue"], 1.2696)
        self.assertEqual(result["status"], "achieved-early")

    def test_without_a_base_it_has_no_data(self):
        ind = indicator([(2027, 2, None)], [(2024, 1.3)], baseline={"year": 2020, "value": None})
        ind["targets"][0].update(measure="multiple")
        result = recompute(ind, PERIOD, 2024)
        self.assertEqual(result["status"], "no-data")
        self.assertEqual(result["targetValue"], 2)


class OtherKinds(unittest.TestCase):
    """A yearly growth rate, a change from the base, a range and a statement with no figure."""

    def test_growth_is_judged_on_the_growth_rate(self):
        ind = indicator([(2025, 6, None)], [(2023, 1200)], baseline={"year": 2020, "value": 1000}, unit="亿元")
        ind["targets"][0].update(measure="growth", words="年均增长…以上", bound="at-least", unit="%")
        period = {"start": 2021, "end": 2025}
        self.assertEqual(recompute(ind, period, 2023)["status"], "on-track")     # 6.27 % a year
        self.assertEqual(recompute(ind, period, 2023)["method"], "growth-rate")
        ind["reported"][0]["value"] = 1150
        self.assertEqual(recompute(ind, period, 2023)["status"], "lagging")      # 4.77 % a year
        ind["baseline"] = {"year": 2020, "value": None}
        self.assertEqual(recompute(ind, period, 2023)["status"], "no-data")

    def test_a_change_in_per_cent_of_the_base(self):
        ind = indicator([(2025, 13.5, None)], [(2023, 0.47)], baseline={"year": 2020, "value": 0.5},
                        direction="decrease", unit="吨标准煤/万元")
        ind["targets"][0].update(measure="change", words="比2020年下降…", unit="%")
        result = recompute(ind, {"start": 2021, "end": 2025}, 2023)
        self.assertAlmostEqual(result["targetValue"], 0.4325)
        self.assertEqual(result["status"], "lagging")                            # P 0.44, E 0.6

    def test_a_change_in_points(self):
        ind = indicator([(2025, 0.5, None)], [(2023, 3.1)], baseline={"year": 2020, "value": 2.5}, unit="%")
        ind["targets"][0].update(measure="change", words="提高…", unit="个百分点")
        result = recompute(ind, {"start": 2021, "end": 2025}, 2023)
        self.assertAlmostEqual(result["targetValue"], 3.0)
        self.assertEqual(result["status"], "achieved-early")

    def test_a_range_is_met_inside_it_or_beyond_it(self):
        up = {"value": 10, "high": 15, "bound": "range"}
        self.assertTrue(check_data.meets(12, up, 1) and check_data.meets(16, up, 1))
        self.assertFalse(check_data.meets(9, up, 1))
        down = {"value": 3, "high": 6, "bound": "range"}
        self.assertTrue(check_data.meets(6, down, -1) and check_data.meets(2, down, -1))
        self.assertFalse(check_data.meets(7, down, -1))

    def test_a_statement_has_no_data_without_a_hand_status(self):
        ind = indicator([(2025, None, None)], [(2023, 5.1)], unit="%")
        ind["targets"][0].update(measure="qualitative", words="保持在合理区间")
        result = recompute(ind, {"start": 2021, "end": 2025}, 2023)
        self.assertEqual((result["status"], result["targetValue"]), ("no-data", None))


class Comparison(unittest.TestCase):
    def test_same(self):
        self.assertTrue(same(0.4, 0.4 + 1e-12))
        self.assertFalse(same(0.4, 0.41))
        self.assertFalse(same(None, 0))
        self.assertTrue(same(AnyOf(None, 0.5), None))
        self.assertTrue(same(2022, 2022.0))
        self.assertFalse(same("ahead", "on-track"))


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=1).result
    run, bad = result.testsRun, len(result.failures) + len(result.errors)
    print(f"progress-method: {run - bad} passed, {bad} failed")
    sys.exit(1 if bad or not run else 0)

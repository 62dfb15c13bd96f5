using Mamori.Core.Diagnosis;

namespace Mamori.Core.Tests.Diagnosis;

public sealed class DiagnosisScriptTests
{
    private static DiagnosisScript Script => TestKnowledge.Script;

    [Fact]
    public void Every_question_of_the_contract_is_in_the_data_with_its_codes()
    {
        // docs/diagnosis.md is the contract: ids and codes must match it exactly.
        var expected = new Dictionary<string, string[]>
        {
            ["industry"] = ["manufacturing", "construction", "retail", "wholesale", "food_service", "medical_welfare", "professional", "it_services", "transport", "other"],
            ["employees"] = ["1-5", "6-20", "21-50", "51-300", "301+"],
            ["it_dependence"] = ["high", "medium", "low"],
            ["data_held"] = ["personal", "confidential", "both", "little"],
            ["supply_chain"] = ["requested", "expected", "none"],
            ["it_plan"] = ["subsidy", "purchase", "none"],
            ["mot_bids"] = ["yes", "no"],
            ["mot_duty"] = ["strong", "some", "none"],
            ["aw_target"] = ["yes", "maybe", "no"],
            ["aw_owner"] = ["owner", "assigned", "none"],
            ["aw_cost"] = ["known", "vague", "none"],
            ["inv_budget"] = ["zero", "under100k", "100k-500k", "over500k"],
            ["inv_incident"] = ["insured", "reserved", "none"],
            ["tal_person"] = ["dedicated", "parttime", "outsourced", "none"],
            ["tal_skill"] = ["yes", "partly", "no"],
            ["tal_outside"] = ["yes", "no"],
            ["m_updates"] = ["yes", "partly", "no"],
            ["m_antivirus"] = ["yes", "partly", "no"],
            ["m_passwords"] = ["yes", "partly", "no"],
            ["m_sharing"] = ["yes", "partly", "no"],
            ["m_threats"] = ["yes", "partly", "no"],
            ["m_backup"] = ["yes", "partly", "no"],
            ["m_policy"] = ["yes", "partly", "no"],
            ["m_incident_plan"] = ["yes", "partly", "no"],
            ["m_review"] = ["yes", "partly", "no"],
        };
        foreach (var (id, codes) in expected)
            Assert.Equal(codes, Script.Get(id).Choices.Select(c => c.Code));
        Assert.Equal(47, Script.Get("prefecture").Choices.Count);
        Assert.Equal(expected.Count + 1, Script.Questions.Count);
    }

    [Fact]
    public void Every_question_speaks_Japanese_and_every_label_fits_a_LINE_button()
    {
        foreach (var q in Script.Questions)
        {
            Assert.Matches("[？。]$", q.Prompt);                        // a question or a polite request
            Assert.Matches("[ぁ-ん]", q.Prompt);
            Assert.False(string.IsNullOrWhiteSpace(q.Help), q.Id);
            Assert.Contains("すみません", q.RetryPrompt);
            Assert.All(q.Choices, c => Assert.InRange(c.Label.Length, 1, 20));
            Assert.Equal("わからない", q.Unknown.Label);
        }
    }

    [Fact]
    public void The_first_question_is_the_industry_and_the_script_ends_after_the_last_answer()
    {
        Assert.Equal("industry", Script.NextQuestion(AnswerSet.Empty)!.Id);
        var answers = AnswerSet.Empty;
        var asked = 0;
        while (Script.NextQuestion(answers) is { } q)
        {
            answers = answers.With(q.Id, q.Choices[0].Code);
            asked++;
        }
        Assert.True(Script.IsComplete(answers));
        Assert.InRange(asked, 20, 26);
    }

    [Fact]
    public void No_helper_means_no_question_about_the_helpers_skills()
    {
        var answers = AnswerSet.Empty.With("tal_person", "none");
        Assert.False(Script.IsAsked(Script.Get("tal_skill"), answers));
        Assert.True(Script.IsAsked(Script.Get("tal_outside"), answers));
        var outsourced = AnswerSet.Empty.With("tal_person", "outsourced");
        Assert.True(Script.IsAsked(Script.Get("tal_skill"), outsourced));
        Assert.False(Script.IsAsked(Script.Get("tal_outside"), outsourced));
    }

    [Fact]
    public void Written_rules_are_asked_about_only_once_the_five_basic_rules_and_the_backup_are_in_place()
    {
        var basics = new[] { "m_updates", "m_antivirus", "m_passwords", "m_sharing", "m_threats" }
            .Aggregate(AnswerSet.Empty, (set, id) => set.With(id, "yes")).With("m_backup", "yes");
        Assert.True(Script.IsAsked(Script.Get("m_policy"), basics));
        Assert.True(Script.IsAsked(Script.Get("m_incident_plan"), basics.With("m_sharing", "partly")));   // one partly: step 2, rule 4 decides
        Assert.False(Script.IsAsked(Script.Get("m_policy"), basics.With("m_passwords", "no")));
        Assert.False(Script.IsAsked(Script.Get("m_policy"), basics.With("m_threats", "unknown")));
        Assert.False(Script.IsAsked(Script.Get("m_policy"), basics.With("m_updates", "partly").With("m_sharing", "partly")));
        Assert.False(Script.IsAsked(Script.Get("m_incident_plan"), basics.With("m_backup", "partly")));
    }

    [Fact]
    public void Motivation_questions_are_left_out_once_a_reason_to_act_is_known()
    {
        var requested = AnswerSet.Empty.With("supply_chain", "requested").With("it_plan", "none");
        Assert.False(Script.IsAsked(Script.Get("mot_bids"), requested));
        Assert.False(Script.IsAsked(Script.Get("mot_duty"), requested));
        var subsidy = AnswerSet.Empty.With("supply_chain", "none").With("it_plan", "subsidy");
        Assert.False(Script.IsAsked(Script.Get("mot_bids"), subsidy));
        var none = AnswerSet.Empty.With("supply_chain", "none").With("it_plan", "purchase");
        Assert.True(Script.IsAsked(Script.Get("mot_bids"), none));
        Assert.True(Script.IsAsked(Script.Get("mot_duty"), none.With("mot_bids", "no")));
        Assert.False(Script.IsAsked(Script.Get("mot_duty"), none.With("mot_bids", "yes")));
        // わからない leaves the question open: nothing is decided by not knowing.
        Assert.True(Script.IsAsked(Script.Get("mot_bids"), AnswerSet.Empty.With("supply_chain", "unknown").With("it_plan", "unknown")));
    }

    [Fact]
    public void The_loss_and_the_incident_money_are_asked_only_where_they_decide_the_stage()
    {
        Assert.True(Script.IsAsked(Script.Get("aw_cost"), AnswerSet.Empty.With("aw_target", "maybe")));
        Assert.False(Script.IsAsked(Script.Get("aw_cost"), AnswerSet.Empty.With("aw_target", "yes")));
        Assert.False(Script.IsAsked(Script.Get("aw_cost"), AnswerSet.Empty.With("aw_target", "unknown")));
        Assert.True(Script.IsAsked(Script.Get("aw_cost"), AnswerSet.Empty.With("aw_target", "no")));   // the loss makes it his business
        Assert.True(Script.IsAsked(Script.Get("inv_incident"), AnswerSet.Empty.With("inv_budget", "under100k")));
        Assert.False(Script.IsAsked(Script.Get("inv_incident"), AnswerSet.Empty.With("inv_budget", "zero")));
        Assert.False(Script.IsAsked(Script.Get("inv_incident"), AnswerSet.Empty.With("inv_budget", "over500k")));
    }

    [Fact]
    public void Each_question_left_out_is_listed_with_the_reason_the_owner_reads()
    {
        var answers = AnswerSet.Empty.With("supply_chain", "none").With("it_plan", "subsidy").With("aw_target", "yes")
            .With("inv_budget", "zero").With("tal_person", "none").With("m_updates", "no");
        var skipped = Script.Skipped(answers);
        Assert.Equal(["mot_bids", "mot_duty", "aw_cost", "inv_incident", "tal_skill", "m_policy", "m_incident_plan", "m_review"],
            skipped.Select(s => s.QuestionId));
        Assert.Contains("補助金", skipped[0].Reason);
        Assert.Equal("被害が出たときの損失の見当", skipped[2].Topic);
        Assert.Contains("5か条", skipped.Single(s => s.QuestionId == "m_policy").Reason);
        Assert.All(skipped, s => Assert.Matches("[ぁ-ん]。$", s.Reason));
        Assert.DoesNotContain(skipped, s => Script.EffectiveCodes(answers).ContainsKey(s.QuestionId));
    }

    [Fact]
    public void The_review_question_is_asked_only_when_a_written_policy_exists()
    {
        Assert.False(Script.IsAsked(Script.Get("m_review"), AnswerSet.Empty.With("m_policy", "partly")));
        Assert.True(Script.IsAsked(Script.Get("m_review"), AnswerSet.Empty.With("m_policy", "yes")));
    }

    [Fact]
    public void Going_back_returns_the_last_answered_question_before_the_current_one()
    {
        var answers = AnswerSet.Empty.With("industry", "retail").With("employees", "6-20").With("prefecture", "tokyo");
        Assert.Equal("employees", Script.Previous(answers, "prefecture")!.Id);
        Assert.Equal("prefecture", Script.Previous(answers, null)!.Id);
        Assert.Null(Script.Previous(answers, "industry"));
    }

    [Fact]
    public void The_questions_still_to_come_are_counted_with_those_that_depend_on_answers_to_come()
    {
        Assert.Equal(Script.Questions.Count, Script.Remaining(AnswerSet.Empty));
        var answers = AnswerSet.Empty.With("industry", "retail").With("tal_person", "none");
        Assert.Equal(2, Script.Answered(answers));
        Assert.Equal(Script.Questions.Count - 3, Script.Remaining(answers));   // tal_skill is left out; the answered two are done
    }

    [Fact]
    public void The_count_of_questions_to_come_only_goes_down_and_ends_at_zero()
    {
        var random = new Random(20261202);
        for (var run = 0; run < 300; run++)
        {
            var answers = AnswerSet.Empty;
            var before = Script.Remaining(answers);
            while (Script.NextQuestion(answers) is { } q)
            {
                var codes = q.Codes.ToList();
                answers = answers.With(q.Id, codes[random.Next(codes.Count)]);
                var after = Script.Remaining(answers);
                Assert.True(after <= before - 1, $"run {run}: after {q.Id} the count went from {before} to {after}");
                before = after;
            }
            Assert.Equal(0, before);
        }
    }

    [Theory]
    [InlineData("      - code: \"no\"\n        words: [付箋,", "      - code: \"maybe\"\n        words: [付箋,", "'maybe' is not one of the question's choices")]
    [InlineData("        note: 紙に書いて貼ってあるパスワードは、見た人にも使われてしまいます。", "        note: 紙に書いて貼ってあるパスワードは危ないですよね？", "note must be whole sentences")]
    public void A_hint_with_a_code_the_question_lacks_or_a_note_that_asks_stops_the_start_naming_the_question(string written, string broken, string said)
    {
        var error = LoadingWith(written, broken);
        Assert.Contains("m_passwords", error.Message);
        Assert.Contains(said, error.Message);
    }

    [Fact]
    public void An_unsure_word_that_no_choice_has_stops_the_start_naming_the_question_and_the_word()
    {
        var error = LoadingWith("unsure: [困る,", "unsure: [大変,");
        Assert.Contains("it_dependence", error.Message);
        Assert.Contains("「大変」 is no synonym of a choice", error.Message);
    }

    [Fact]
    public void An_ask_back_setting_other_than_true_or_contrast_stops_the_start_naming_the_question()
    {
        var error = LoadingWith("hedged: maybe, askBack: contrast }", "hedged: maybe, askBack: sometimes }");
        Assert.Contains("aw_target", error.Message);
        Assert.Contains("askBack is true, contrast or left out, not 'sometimes'", error.Message);
    }

    // The error loading a copy of the diagnosis data with one passage of questions.yaml written differently.
    private static FormatException LoadingWith(string written, string broken)
    {
        var folder = TestKnowledge.CopyOfDiagnosisFolder("mamori-broken-");
        var path = Path.Combine(folder, DiagnosisScriptLoader.QuestionsFile);
        var text = File.ReadAllText(path);
        Assert.Contains(written, text);
        File.WriteAllText(path, text.Replace(written, broken, StringComparison.Ordinal));
        return Assert.Throws<FormatException>(() => DiagnosisScriptLoader.Load(folder));
    }
}

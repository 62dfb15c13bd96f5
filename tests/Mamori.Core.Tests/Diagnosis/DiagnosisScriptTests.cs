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
    public void Policy_questions_are_skipped_when_two_of_the_five_basic_rules_are_missing()
    {
        var answers = AnswerSet.Empty.With("m_updates", "no").With("m_antivirus", "yes").With("m_passwords", "no");
        Assert.False(Script.IsAsked(Script.Get("m_policy"), answers));
        Assert.False(Script.IsAsked(Script.Get("m_incident_plan"), answers));
        Assert.True(Script.IsAsked(Script.Get("m_policy"), answers.With("m_passwords", "partly")));
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
    public void Progress_counts_only_questions_that_will_be_asked()
    {
        var (answered, total) = Script.Progress(AnswerSet.Empty.With("industry", "retail").With("tal_person", "none"));
        Assert.Equal(2, answered);
        Assert.Equal(Script.Questions.Count - 2, total);   // tal_skill skipped; m_review not asked without a policy
    }
}

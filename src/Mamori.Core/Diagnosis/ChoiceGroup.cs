namespace Mamori.Core.Diagnosis;

/// <summary>
/// Choices shown behind one button first, for a question with too many for one row of buttons: the prefecture question
/// offers the regions (近畿), then that region's prefectures. A typed reply is read against every choice at either step.
/// </summary>
/// <param name="Synonyms">Other names that open the group when typed on their own (「関西」 for 近畿).</param>
public sealed record ChoiceGroup(string Code, string Label, IReadOnlyList<string> Synonyms, IReadOnlyList<Choice> Choices);

/// <summary>A question's groups, with what the bot says when one is open.</summary>
/// <param name="Prompt">The question once a group is chosen; {group} is its label.</param>
/// <param name="BackLabel">The button that goes back to the groups.</param>
public sealed record ChoiceGrouping(IReadOnlyList<ChoiceGroup> Groups, string Prompt, string BackLabel)
{
    public string PromptFor(ChoiceGroup group) => Prompt.Replace("{group}", group.Label, StringComparison.Ordinal);
}

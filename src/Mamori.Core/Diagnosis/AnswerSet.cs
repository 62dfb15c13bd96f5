using System.Collections;
using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Mamori.Core.Diagnosis;

/// <summary>
/// The answers so far, by question id. Immutable (each <see cref="With"/> returns a new set) and ordered by id,
/// so equal answers serialise identically whatever order they were given in.
/// JSON: <c>{"industry":{"code":"retail","raw":"小売です"}}</c>.
/// </summary>
[JsonConverter(typeof(AnswerSetJsonConverter))]
public sealed class AnswerSet : IReadOnlyCollection<KeyValuePair<string, Answer>>, IEquatable<AnswerSet>
{
    public static readonly AnswerSet Empty = new(ImmutableSortedDictionary.Create<string, Answer>(StringComparer.Ordinal));

    private readonly ImmutableSortedDictionary<string, Answer> _answers;

    private AnswerSet(ImmutableSortedDictionary<string, Answer> answers) => _answers = answers;

    public int Count => _answers.Count;

    public AnswerSet With(string questionId, Answer answer) => new(_answers.SetItem(questionId, answer));

    public AnswerSet With(string questionId, string code, string? raw = null) => With(questionId, new Answer(code, raw ?? code));

    /// <summary>For 戻る: forget an answer so the question is asked again.</summary>
    public AnswerSet Without(string questionId) => new(_answers.Remove(questionId));

    public Answer? Get(string questionId) => _answers.GetValueOrDefault(questionId);

    public string? CodeOf(string questionId) => _answers.TryGetValue(questionId, out var a) ? a.Code : null;

    public bool Contains(string questionId) => _answers.ContainsKey(questionId);

    public IEnumerator<KeyValuePair<string, Answer>> GetEnumerator() => _answers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(AnswerSet? other) =>
        other is not null && other.Count == Count && _answers.All(kv => other.Get(kv.Key) == kv.Value);

    public override bool Equals(object? obj) => Equals(obj as AnswerSet);

    public override int GetHashCode() => _answers.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value));
}

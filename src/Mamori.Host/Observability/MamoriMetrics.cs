using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mamori.Host.Observability;

/// <summary>
/// What an operator of a chamber's bot watches: turns and how long they take, free questions and how many the guidelines
/// could not answer, requests for a person. Tagged by tenant only — never a user, conversation or text.
/// </summary>
public sealed class MamoriMetrics : IDisposable
{
    public const string MeterName = "Mamori";

    private readonly Meter _meter;
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _answers;
    private readonly Histogram<double> _answerDuration;
    private readonly Counter<long> _handoffs;

    public MamoriMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _turns = _meter.CreateCounter<long>("mamori.turns", unit: "{turn}", description: "Bot turns answered, over every channel.");
        _turnDuration = _meter.CreateHistogram<double>("mamori.turn.duration", unit: "ms", description: "Time from a user's message to the bot's replies.");
        _answers = _meter.CreateCounter<long>("mamori.answers", unit: "{question}", description: "Free questions answered from the guidelines; grounded=false is a refusal (not covered).");
        _answerDuration = _meter.CreateHistogram<double>("mamori.answer.duration", unit: "ms", description: "Time to answer one free question.");
        _handoffs = _meter.CreateCounter<long>("mamori.handoffs", unit: "{request}", description: "Requests for a person.");
    }

    public void Turn(string tenant, TimeSpan took, bool handoff)
    {
        var tags = new TagList { { "mamori.tenant", tenant } };
        _turns.Add(1, tags);
        _turnDuration.Record(took.TotalMilliseconds, tags);
        if (handoff)
            _handoffs.Add(1, tags);
    }

    public void Answer(string? tenant, bool grounded, TimeSpan took)
    {
        var tags = new TagList { { "mamori.tenant", tenant ?? "" }, { "mamori.grounded", grounded } };
        _answers.Add(1, tags);
        _answerDuration.Record(took.TotalMilliseconds, tags);
    }

    public void Dispose() => _meter.Dispose();
}

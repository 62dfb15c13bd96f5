using Mamori.Core.Dialogs;
using Mamori.Desk.Cases;
using Mamori.Desk.Storage;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Desk.Live;

/// <summary>
/// The owner's place in line, and the usual wait when there is enough to say it honestly: the median of the desk's
/// latest waits, and only once three cases have been taken. No promise is made beyond that.
/// </summary>
internal sealed class DeskQueue(IDeskStore store, IOptions<HostTexts> texts)
{
    private const int WaitsConsidered = 10;
    private const int WaitsNeeded = 3;

    public async Task<string> DescribeAsync(DeskCase waiting, CancellationToken ct)
    {
        var t = texts.Value;
        int ahead = await store.CountWaitingBeforeAsync(waiting.TenantId, waiting.Id, ct) ?? 0;
        string place = ahead == 0 ? t.DeskQueueNext : DialogWording.Fill(t.DeskQueueAhead, ("ahead", ahead));
        var waits = await store.RecentWaitsAsync(waiting.TenantId, WaitsConsidered, ct);
        if (waits.Count < WaitsNeeded)
            return place;
        var sorted = waits.Order().ToList();
        int minutes = Math.Max(1, (int)Math.Ceiling(sorted[sorted.Count / 2].TotalMinutes));
        return place + DialogWording.Fill(t.DeskQueueTypical, ("minutes", minutes));
    }
}

using System.Globalization;
using Mamori.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Mamori.Core.Evidence;

/// <summary>
/// The default evidence store: one SQLite file (WAL), one connection used under a lock, as the state store does.
/// A diagnosis and its stages and measures are one transaction; counting is one GROUP BY per breakdown.
/// </summary>
public sealed class SqliteEvidenceStore : IEvidenceStore, IDisposable
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;

    public SqliteEvidenceStore(string path)
    {
        _connection = SqliteFile.Open(Path.GetFullPath(path));
        Execute(EvidenceSchema.Connection + EvidenceSchema.Create);
    }

    public Task<int> AddDiagnosisAsync(EvidenceDiagnosis diagnosis, CancellationToken cancellationToken)
    {
        var facts = diagnosis.Facts;
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            long company = CompanyId(diagnosis.TenantId, diagnosis.Company);
            using var previous = Command("SELECT COUNT(*), (SELECT primary_barrier FROM evidence_diagnosis WHERE company = $c ORDER BY id DESC LIMIT 1) FROM evidence_diagnosis WHERE company = $c",
                ("$c", company));
            int nth;
            string? previousBarrier;
            using (var reader = previous.ExecuteReader())
            {
                reader.Read();
                nth = reader.GetInt32(0) + 1;
                previousBarrier = reader.IsDBNull(1) ? null : reader.GetString(1);
            }

            var s = facts.Segment;
            using var insert = Command("""
                INSERT INTO evidence_diagnosis (tenant, company, conversation, at, month, nth, previous_barrier, industry, size, prefecture,
                    it_dependence, data_held, supply_chain, primary_barrier, step, worrying)
                VALUES ($t, $c, $conv, $at, $month, $nth, $prev, $i, $s, $p, $it, $data, $chain, $barrier, $step, $worry) RETURNING id
                """,
                ("$t", diagnosis.TenantId), ("$c", company), ("$conv", diagnosis.Conversation), ("$at", diagnosis.At.ToUnixTimeSeconds()),
                ("$month", Month(diagnosis.At)), ("$nth", nth), ("$prev", previousBarrier), ("$i", s.Industry), ("$s", s.Size),
                ("$p", s.Prefecture), ("$it", s.ItDependence), ("$data", s.DataHeld), ("$chain", s.SupplyChain),
                ("$barrier", facts.PrimaryBarrier), ("$step", facts.Step), ("$worry", facts.WorryingPattern ? 1 : 0));
            long id = (long)insert.ExecuteScalar()!;

            using var blocked = Command("INSERT INTO evidence_blocked (diagnosis, stage) VALUES ($d, $v)", ("$d", id), ("$v", ""));
            foreach (var stage in facts.BlockedStages)
            {
                blocked.Parameters["$v"].Value = stage;
                blocked.ExecuteNonQuery();
            }
            using var measure = Command("INSERT INTO evidence_measure (diagnosis, measure_id, barrier, support_type) VALUES ($d, $m, $b, $st)",
                ("$d", id), ("$m", ""), ("$b", ""), ("$st", ""));
            foreach (var m in facts.Recommended)
            {
                measure.Parameters["$m"].Value = m.MeasureId;
                measure.Parameters["$b"].Value = m.Barrier;
                measure.Parameters["$st"].Value = m.SupportType;
                measure.ExecuteNonQuery();
            }
            transaction.Commit();
            return Task.FromResult(nth);
        }
    }

    public Task<bool> AddFollowUpAsync(EvidenceFollowUp followUp, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            using var insert = Command("""
                INSERT INTO evidence_followup (diagnosis, kind, detail, value, at)
                SELECT id, $k, $detail, $v, $at FROM evidence_diagnosis WHERE tenant = $t AND conversation = $conv ORDER BY id DESC LIMIT 1
                """,
                ("$k", EvidenceSchema.Code(followUp.Kind)), ("$detail", followUp.Detail), ("$v", followUp.Value),
                ("$at", followUp.At.ToUnixTimeSeconds()), ("$t", followUp.TenantId), ("$conv", followUp.Conversation));
            return Task.FromResult(insert.ExecuteNonQuery() == 1);
        }
    }

    public Task<IReadOnlyList<EvidenceCell>> CountAsync(Breakdown breakdown, EvidenceFilter filter, CancellationToken cancellationToken)
    {
        if (filter.Tenants.Count == 0)
            return Task.FromResult<IReadOnlyList<EvidenceCell>>([]);
        var parameters = new List<(string, object?)>();
        string where = Where(filter, parameters);
        lock (_gate)
        {
            using var command = Command(EvidenceSchema.Select(breakdown, where), [.. parameters]);
            using var reader = command.ExecuteReader();
            var cells = new List<EvidenceCell>();
            while (reader.Read())
            {
                if (reader.IsDBNull(0))
                    continue;
                cells.Add(new EvidenceCell(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.IsDBNull(4) ? 0 : reader.GetInt64(4)));
            }
            return Task.FromResult<IReadOnlyList<EvidenceCell>>(cells);
        }
    }

    public Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            using var delete = Command("DELETE FROM evidence_diagnosis WHERE at < $at", ("$at", cutoff.ToUnixTimeSeconds()));
            int removed = delete.ExecuteNonQuery();
            Execute("DELETE FROM evidence_company WHERE id NOT IN (SELECT company FROM evidence_diagnosis)");
            return Task.FromResult(removed);
        }
    }

    public Task<int> DeleteCompanyAsync(string tenantId, string company, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var delete = Command("DELETE FROM evidence_diagnosis WHERE company = (SELECT id FROM evidence_company WHERE tenant = $t AND hash = $h)",
                ("$t", tenantId), ("$h", company));
            int removed = delete.ExecuteNonQuery();
            using var forget = Command("DELETE FROM evidence_company WHERE tenant = $t AND hash = $h", ("$t", tenantId), ("$h", company));
            forget.ExecuteNonQuery();
            transaction.Commit();
            return Task.FromResult(removed);
        }
    }

    public void Dispose()
    {
        lock (_gate)
            _connection.Dispose();
    }

    /// <summary>Months as yyyy-MM in Japan time, the way the dashboard's filters and trend name them.</summary>
    public static string Month(DateTimeOffset at) => at.ToOffset(Japan).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Where(EvidenceFilter filter, List<(string, object?)> parameters)
    {
        var clauses = new List<string>();
        var tenants = new List<string>();
        for (int i = 0; i < filter.Tenants.Count; i++)
        {
            tenants.Add($"$t{i}");
            parameters.Add(($"$t{i}", filter.Tenants[i]));
        }
        clauses.Add($"d.tenant IN ({string.Join(", ", tenants)})");
        if (filter.From is { } from)
        {
            clauses.Add("d.month >= $from");
            parameters.Add(("$from", from.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
        }
        if (filter.To is { } to)
        {
            clauses.Add("d.month <= $to");
            parameters.Add(("$to", to.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
        }
        foreach (var (question, code) in filter.Segment ?? new Dictionary<string, string>())
        {
            // Only known question ids reach the SQL as column names; the code is always a parameter.
            if (!EvidenceSchema.SegmentColumns.TryGetValue(question, out var column))
                throw new ArgumentException($"'{question}' is not a segment question.", nameof(filter));
            clauses.Add($"d.{column} = $seg_{column}");
            parameters.Add(($"$seg_{column}", code));
        }
        return string.Join(" AND ", clauses);
    }

    private long CompanyId(string tenant, string hash)
    {
        using var upsert = Command("INSERT INTO evidence_company (tenant, hash) VALUES ($t, $h) ON CONFLICT (tenant, hash) DO UPDATE SET hash = excluded.hash RETURNING id",
            ("$t", tenant), ("$h", hash));
        return (long)upsert.ExecuteScalar()!;
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }
}

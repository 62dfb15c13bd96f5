using Mamori.Core.Storage;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Mamori.Core.Evidence;

/// <summary>
/// The default evidence store: one SQLite file (WAL), one connection used under a lock, as the state store does.
/// A diagnosis and its stages and measures are one transaction; counting runs over <see cref="EvidenceCube"/>, the same
/// evidence in memory, read from the file at the first count after a start or a deletion and kept up to date by every write.
/// </summary>
public sealed class SqliteEvidenceStore : IEvidenceStore, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private EvidenceCube? _cube;

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
                ("$month", EvidenceCube.Month(diagnosis.At)), ("$nth", nth), ("$prev", previousBarrier), ("$i", s.Industry), ("$s", s.Size),
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
            _cube?.AddDiagnosis(id, company, diagnosis.TenantId, EvidenceCube.Month(diagnosis.At), nth, s, facts.PrimaryBarrier, facts.Step, facts.WorryingPattern,
                facts.BlockedStages, facts.Recommended);
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
                RETURNING diagnosis
                """,
                ("$k", followUp.Kind.Code()), ("$detail", followUp.Detail), ("$v", followUp.Value),
                ("$at", followUp.At.ToUnixTimeSeconds()), ("$t", followUp.TenantId), ("$conv", followUp.Conversation));
            if (insert.ExecuteScalar() is not long diagnosis)
                return Task.FromResult(false);
            _cube?.AddFollowUp(diagnosis, followUp.Kind.Code(), followUp.Detail, followUp.Value);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<EvidenceCell>> CountAsync(Breakdown breakdown, EvidenceFilter filter, CancellationToken cancellationToken)
    {
        if (filter.Tenants.Count == 0)
            return Task.FromResult<IReadOnlyList<EvidenceCell>>([]);
        lock (_gate)
        {
            _cube ??= Load();
            return Task.FromResult(_cube.Count(breakdown, filter));
        }
    }

    /// <summary>Reads the whole file into a new <see cref="EvidenceCube"/>: four scans, each in insertion order.</summary>
    private EvidenceCube Load()
    {
        var blocked = new Dictionary<long, List<string>>();
        using (var command = Command("SELECT diagnosis, stage FROM evidence_blocked ORDER BY rowid"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                (CollectionsMarshal.GetValueRefOrAddDefault(blocked, reader.GetInt64(0), out _) ??= []).Add(reader.GetString(1));
        }
        var measures = new Dictionary<long, List<RecommendedMeasure>>();
        using (var command = Command("SELECT diagnosis, measure_id, barrier, support_type FROM evidence_measure ORDER BY rowid"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                (CollectionsMarshal.GetValueRefOrAddDefault(measures, reader.GetInt64(0), out _) ??= [])
                    .Add(new RecommendedMeasure(reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        var cube = new EvidenceCube();
        using (var command = Command("""
            SELECT id, company, tenant, month, nth, industry, size, prefecture, it_dependence, data_held, supply_chain, primary_barrier, step, worrying
            FROM evidence_diagnosis ORDER BY id
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                long id = reader.GetInt64(0);
                var segment = new Segment(reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10));
                cube.AddDiagnosis(id, reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), segment, reader.GetString(11),
                    reader.GetInt32(12), reader.GetInt32(13) != 0, blocked.GetValueOrDefault(id) ?? [], measures.GetValueOrDefault(id) ?? []);
            }
        }
        using (var command = Command("SELECT diagnosis, kind, detail, value FROM evidence_followup ORDER BY rowid"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                cube.AddFollowUp(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3));
        }
        return cube;
    }

    public Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            using var delete = Command("DELETE FROM evidence_diagnosis WHERE at < $at", ("$at", cutoff.ToUnixTimeSeconds()));
            int removed = delete.ExecuteNonQuery();
            Execute("DELETE FROM evidence_company WHERE id NOT IN (SELECT company FROM evidence_diagnosis)");
            if (removed > 0)
                _cube = null;   // read again at the next count: deletions are rare (retention, an owner's request)
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
            if (removed > 0)
                _cube = null;
            return Task.FromResult(removed);
        }
    }

    public void Dispose()
    {
        lock (_gate)
            _connection.Dispose();
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

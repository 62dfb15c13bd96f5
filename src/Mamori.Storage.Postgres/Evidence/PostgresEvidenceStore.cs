using System.Data;
using Mamori.Core.Evidence;
using Npgsql;

namespace Mamori.Storage.Postgres.Evidence;

/// <summary>
/// The evidence in PostgreSQL, for several host instances sharing one database, with the semantics of
/// <see cref="SqliteEvidenceStore"/>: a diagnosis is one row (its stages and measures in arrays), counting runs over an
/// <see cref="EvidenceCube"/> in memory. Before each count the cube reads only what is newer than what it holds (ids
/// above the last diagnosis and follow-up it read) and starts again when another instance (or this one) deleted evidence.
/// </summary>
public sealed class PostgresEvidenceStore(NpgsqlDataSource database) : IEvidenceStore, IDisposable
{
    /// <summary>The tables this store needs (Migrations/evidence/).</summary>
    public static MigrationHistory Migrations { get; } = MigrationHistory.FromResources(typeof(PostgresEvidenceStore).Assembly, "evidence");

    // Every write transaction takes this lock first, so writes on all instances run one after another: a company's nth is
    // counted without a race, and ids are handed out in commit order, so a reader that has seen id n has seen every id
    // below it and may ask for "id > n" next time. Evidence is written once a diagnosis or a follow-up, so the queue is short.
    private const long WriteLock = 0x6d616d6f726965;   // "mamorie"; the migrator's lock is "mamori"

    private readonly SemaphoreSlim _gate = new(1, 1);
    private EvidenceCube? _cube;
    // The deletion generation the cube was read at (null: not read yet), and the last ids it holds.
    private long? _generation;
    private long _lastDiagnosis, _lastFollowUp;

    public Task<int> AddDiagnosisAsync(EvidenceDiagnosis diagnosis, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            long company;
            await using (var upsert = new NpgsqlCommand("""
                WITH inserted AS (INSERT INTO evidence_company (tenant, hash) VALUES ($1, $2) ON CONFLICT (tenant, hash) DO NOTHING RETURNING id)
                SELECT id FROM inserted UNION ALL SELECT id FROM evidence_company WHERE tenant = $1 AND hash = $2
                """, connection, transaction))
            {
                Add(upsert, diagnosis.TenantId, diagnosis.Company);
                company = (long)(await upsert.ExecuteScalarAsync(cancellationToken))!;
            }

            var facts = diagnosis.Facts;
            var s = facts.Segment;
            await using var insert = new NpgsqlCommand("""
                INSERT INTO evidence_diagnosis (tenant, company, conversation, at, month, nth, previous_barrier, industry, size, prefecture,
                    it_dependence, data_held, supply_chain, primary_barrier, step, worrying, blocked, measure_id, measure_barrier, measure_support)
                VALUES ($1, $2, $3, $4, $5,
                    (SELECT count(*) + 1 FROM evidence_diagnosis WHERE company = $2),
                    (SELECT primary_barrier FROM evidence_diagnosis WHERE company = $2 ORDER BY id DESC LIMIT 1),
                    $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
                RETURNING nth
                """, connection, transaction);
            Add(insert, diagnosis.TenantId, company, diagnosis.Conversation, diagnosis.At.ToUniversalTime(), EvidenceCube.Month(diagnosis.At),
                s.Industry, s.Size, s.Prefecture, s.ItDependence, s.DataHeld, s.SupplyChain, facts.PrimaryBarrier, facts.Step, facts.WorryingPattern,
                facts.BlockedStages.ToArray(), facts.Recommended.Select(m => m.MeasureId).ToArray(),
                facts.Recommended.Select(m => m.Barrier).ToArray(), facts.Recommended.Select(m => m.SupportType).ToArray());
            return (int)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);

    public Task<bool> AddFollowUpAsync(EvidenceFollowUp followUp, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO evidence_followup (diagnosis, kind, detail, value, at)
                SELECT id, $1, $2, $3, $4 FROM evidence_diagnosis WHERE tenant = $5 AND conversation = $6 ORDER BY id DESC LIMIT 1
                """, connection, transaction);
            Add(insert, followUp.Kind.Code(), followUp.Detail, followUp.Value, followUp.At.ToUniversalTime(), followUp.TenantId, followUp.Conversation);
            return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    public async Task<IReadOnlyList<EvidenceCell>> CountAsync(Breakdown breakdown, EvidenceFilter filter, CancellationToken cancellationToken)
    {
        if (filter.Tenants.Count == 0)
            return [];
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return (await RefreshAsync(cancellationToken)).Count(breakdown, filter);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            int removed;
            await using (var delete = new NpgsqlCommand("DELETE FROM evidence_diagnosis WHERE at < $1", connection, transaction))
            {
                Add(delete, cutoff.ToUniversalTime());
                removed = await delete.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var forget = new NpgsqlCommand(
                "DELETE FROM evidence_company c WHERE NOT EXISTS (SELECT FROM evidence_diagnosis d WHERE d.company = c.id)", connection, transaction))
                await forget.ExecuteNonQueryAsync(cancellationToken);
            return await BumpGenerationAsync(connection, transaction, removed, cancellationToken);
        }, cancellationToken);

    public Task<int> DeleteCompanyAsync(string tenantId, string company, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            int removed;
            await using (var delete = new NpgsqlCommand(
                "DELETE FROM evidence_diagnosis WHERE company = (SELECT id FROM evidence_company WHERE tenant = $1 AND hash = $2)", connection, transaction))
            {
                Add(delete, tenantId, company);
                removed = await delete.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var forget = new NpgsqlCommand("DELETE FROM evidence_company WHERE tenant = $1 AND hash = $2", connection, transaction))
            {
                Add(forget, tenantId, company);
                await forget.ExecuteNonQueryAsync(cancellationToken);
            }
            return await BumpGenerationAsync(connection, transaction, removed, cancellationToken);
        }, cancellationToken);

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// Brings the cube up to what the database holds, in one snapshot (REPEATABLE READ) and one round trip: the generation,
    /// then the diagnoses and the follow-ups above the last ids read, each one scan in id order. A follow-up read is never
    /// of a diagnosis not yet read, since both come from the same snapshot and a follow-up is written after its diagnosis.
    /// </summary>
    private async Task<EvidenceCube> RefreshAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        _cube ??= new EvidenceCube();
        if (!await ReadNewerAsync(connection, transaction, _cube, cancellationToken))
        {
            // Evidence was deleted since this cube was read: all of it again, from the same snapshot.
            (_cube, _generation, _lastDiagnosis, _lastFollowUp) = (new EvidenceCube(), null, 0, 0);
            await ReadNewerAsync(connection, transaction, _cube, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return _cube;
    }

    /// <returns>False, having added nothing, when the database's generation is not the one the cube was read at.</returns>
    private async Task<bool> ReadNewerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EvidenceCube cube, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT generation FROM evidence_generation"));
        batch.BatchCommands.Add(Newer("""
            SELECT id, company, tenant, month, nth, industry, size, prefecture, it_dependence, data_held, supply_chain, primary_barrier, step, worrying,
                blocked, measure_id, measure_barrier, measure_support
            FROM evidence_diagnosis WHERE id > $1 ORDER BY id
            """, _lastDiagnosis));
        batch.BatchCommands.Add(Newer("SELECT id, diagnosis, kind, detail, value FROM evidence_followup WHERE id > $1 ORDER BY id", _lastFollowUp));
        await using var reader = await batch.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);

        await reader.ReadAsync(cancellationToken);
        long generation = reader.GetInt64(0);
        if (_generation is { } held && held != generation)
            return false;
        _generation = generation;

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            long id = reader.GetInt64(0);
            long company = reader.GetInt64(1);
            string tenant = reader.GetString(2), month = reader.GetString(3);
            int nth = reader.GetInt32(4);
            var segment = new Segment(reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10));
            string barrier = reader.GetString(11);
            int step = reader.GetInt32(12);
            bool worrying = reader.GetBoolean(13);
            var blocked = reader.GetFieldValue<string[]>(14);
            var ids = reader.GetFieldValue<string[]>(15);
            var barriers = reader.GetFieldValue<string[]>(16);
            var supportTypes = reader.GetFieldValue<string[]>(17);
            var measures = new RecommendedMeasure[ids.Length];
            for (int i = 0; i < ids.Length; i++)
                measures[i] = new RecommendedMeasure(ids[i], barriers[i], supportTypes[i]);
            cube.AddDiagnosis(id, company, tenant, month, nth, segment, barrier, step, worrying, blocked, measures);
            _lastDiagnosis = id;
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            long id = reader.GetInt64(0);
            cube.AddFollowUp(reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4));
            _lastFollowUp = id;
        }
        return true;
    }

    private static NpgsqlBatchCommand Newer(string sql, long after)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = after });
        return command;
    }

    /// <summary>One transaction under <see cref="WriteLock"/>.</summary>
    private async Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockWrites = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({WriteLock})", connection, transaction))
            await lockWrites.ExecuteNonQueryAsync(cancellationToken);
        var result = await write(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Tells every instance's cube, at its next count, that rows it holds may be gone.</summary>
    private static async Task<int> BumpGenerationAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int removed, CancellationToken cancellationToken)
    {
        if (removed > 0)
        {
            await using var bump = new NpgsqlCommand("UPDATE evidence_generation SET generation = generation + 1", connection, transaction);
            await bump.ExecuteNonQueryAsync(cancellationToken);
        }
        return removed;
    }

    private static void Add(NpgsqlCommand command, params object[] values)
    {
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
    }
}

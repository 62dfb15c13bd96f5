using Mamori.Host.Access;
using Mamori.Host.Assets;
using Mamori.Host.Bot;
using Mamori.Host.Channels;
using Mamori.Host.Dashboard;
using Mamori.Host.Desk.Console;
using Mamori.Host.Health;
using Mamori.Host.Observability;
using Mamori.Host.Privacy;
using Mamori.Host.Reports;
using Mamori.Host.Storage;
using Mamori.Host.Tenants;
using Mamori.Host.Texts;
using Mamori.Host.Widget;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHostTexts(builder.Configuration);     // Texts/host.ja.json: the host's Japanese wording
builder.Services.AddStorage(builder.Configuration);       // Storage:Provider: SQLite files under data/ (default) or PostgreSQL
builder.Services.AddBot(builder.Configuration);           // dialog engine + knowledge answering (Mamori.Core, Mamori.Knowledge)
builder.Services.AddObservability(builder.Configuration); // OpenTelemetry traces and metrics (turns, answers, refusals, handoffs), OTLP when configured
builder.Services.AddAccess();                             // the key that signs conversation tokens and report links
builder.Services.AddTenants(builder.Configuration);       // chambers: colours, allowed origins, region, desk
builder.Services.AddChannels(builder.Configuration);      // Direct Line 3.0 (Web Chat, widget), /api/messages (Teams), /api/line (LINE)
builder.Services.AddChatPages();                          // / and /widget/frame
builder.Services.AddAssets();                             // compression; the Web Chat bundle compressed once, cached by browsers
builder.Services.AddReports();                            // /report/{id}
builder.Services.AddDeskConsole(builder.Configuration); // /desk: the support desk's console (Mamori.Desk's store, staff sign-in)
builder.Services.AddDashboard();                          // /dashboard: anonymised statistics for desk staff and supervisors
builder.Services.AddPrivacy();                            // /privacy, and deleting state past its retention
builder.Services.AddReadiness();                          // /healthz: ready once the knowledge index is loaded

var app = builder.Build();
app.UseAccessBaseline();                                  // real client address behind known proxies; errors without stack traces; HSTS; a bad Host is a 400; nosniff
app.UseResponseCompression();
app.UseWebSockets();
app.UseCors();
app.UseRateLimiter();
app.UseStaticFiles();                                     // chat.js, widget.js, lib/webchat.js (copied from npm at build)
app.MapReadiness();
app.MapChannels();
app.MapChatPages();
app.MapAssets();
app.MapReports();
app.MapDeskConsole();
app.MapDashboard();
app.MapPrivacy();
app.Run();

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;

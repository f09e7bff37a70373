using ChatKitApp.Admin;
using ChatKitApp.Auth;
using ChatKitApp.ChatExport;
using ChatKitApp.Components;
using ChatKitApp.Components.Chat;
using ChatKitApp.HostedMode;
using ChatKitApp.Hosting;
using ChatKitApp.Limits;
using ChatKitApp.Reliability;
using ChatKitApp.Sharing;
using ChatKitApp.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddChatKitTelemetry(); // OTLP export when OTEL_EXPORTER_OTLP_ENDPOINT is set

builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();
builder.AddChatKitAuth();
builder.AddChatKitRateLimits();
builder.AddChatKitBackend();
builder.AddChatKitFrontend();
builder.AddHostedSessions();
builder.AddReverseProxy();
builder.AddAdmin();
builder.AddChatExport();
builder.AddChatSharing();

var app = builder.Build();

app.UseReverseProxy(); // first: what follows sees the client's address and scheme
app.UseSecurityHeaders();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseUnreadableBodyErrors();

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseOutages(); // database outages answer 503, before authentication reads the key ring
app.UseChatKitAuth();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapChatKitBackend();
app.MapAccountEndpoints();
app.MapHostedSessions();
app.MapChatExport();
app.MapChatSharing();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .RequireSameOrigin(); // form posts (sign-in and the like) come from our own pages

app.Run();

using Grpc.Core;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Proto = Servarr.Hosting.Dashboard.Proto;

namespace Servarr.Hosting.Dashboard;

/// <summary>
/// The dashboard's interactions stream, used to ask for the parameters resources wait for: once the stack has started,
/// each connected dashboard gets one inputs dialog with every missing value (secret input for secrets). The values the
/// user enters are saved to user-secrets through <see cref="ParameterGate.Provide"/>, which starts what waited for them
/// without restarting the AppHost; then the dialog is closed. A dismissed dialog is not shown again on that connection.
/// </summary>
public static class ParameterInteractions
{
    /// <summary>The id of the first dialog on a connection.</summary>
    public const int FirstInteractionId = 1;

    /// <summary>Serves one dashboard connection until it goes away.</summary>
    public static async Task ServeAsync(Task<ParameterGate> gateReady, IAsyncStreamReader<Proto.WatchInteractionsRequestUpdate> requests,
        IServerStreamWriter<Proto.WatchInteractionsResponseUpdate> responses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateReady);
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(responses);
        try
        {
            var reading = requests.MoveNext(cancellationToken);
            var first = await Task.WhenAny(reading, gateReady.WaitAsync(cancellationToken)).ConfigureAwait(false);
            if (first == reading && !await reading.ConfigureAwait(false))
            {
                return; // the dashboard went away before the stack started
            }

            var gate = await gateReady.WaitAsync(cancellationToken).ConfigureAwait(false);
            var open = new Dictionary<int, IReadOnlyList<ParameterResource>>();
            if (Dialog(gate, FirstInteractionId) is { } dialog)
            {
                open[FirstInteractionId] = gate.Missing().Select(m => m.Parameter).ToList();
                await responses.WriteAsync(dialog, cancellationToken).ConfigureAwait(false);
            }

            // The read started before the gate was ready goes on; each request is handled as it comes.
            for (var next = reading; await next.ConfigureAwait(false); next = requests.MoveNext(cancellationToken))
            {
                var request = requests.Current;
                if (!open.TryGetValue(request.InteractionId, out var asked) || request.ResponseUpdate)
                {
                    continue; // not ours, or the user is still typing (the for loop reads the next one)
                }

                if (request.KindCase == Proto.WatchInteractionsRequestUpdate.KindOneofCase.InputsDialog)
                {
                    Apply(gate, asked, request.InputsDialog);
                }

                open.Remove(request.InteractionId);
                await responses.WriteAsync(new Proto.WatchInteractionsResponseUpdate
                {
                    InteractionId = request.InteractionId,
                    Complete = new Proto.InteractionComplete(),
                }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The inputs dialog for every parameter a resource waits for, or null when none is missing.</summary>
    public static Proto.WatchInteractionsResponseUpdate? Dialog(ParameterGate gate, int interactionId)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var missing = gate.Missing();
        if (missing.Count == 0)
        {
            return null;
        }

        var inputs = new Proto.InteractionInputsDialog();
        inputs.InputItems.AddRange(missing.Select(m => new Proto.InteractionInput
        {
            Name = m.Parameter.Name,
            Label = m.Parameter.Name,
            Description = $"{m.Parameter.Description ?? "No description."} Waiting: {string.Join(", ", m.Resources)}.",
            InputType = m.Parameter.Secret ? Proto.InputType.SecretText : Proto.InputType.Text,
            Placeholder = m.Parameter.Secret ? "secret; saved to user-secrets, never shown" : "",
        }));
        return new Proto.WatchInteractionsResponseUpdate
        {
            InteractionId = interactionId,
            Title = "Missing parameters",
            Message = "These resources wait for values. What you enter is saved to the AppHost's user-secrets and the waiting resources start; leave a field empty to set it later.",
            PrimaryButtonText = "Save and start",
            ShowDismiss = true,
            InputsDialog = inputs,
        };
    }

    /// <summary>Gives every answered input of <paramref name="asked"/> to the gate (matched by name, or by label for dashboards before 13.0).</summary>
    private static void Apply(ParameterGate gate, IReadOnlyList<ParameterResource> asked, Proto.InteractionInputsDialog answer)
    {
        foreach (var input in answer.InputItems.Where(i => !string.IsNullOrEmpty(i.Value)))
        {
            var key = string.IsNullOrEmpty(input.Name) ? input.Label : input.Name;
            if (asked.FirstOrDefault(p => p.Name == key) is { } parameter)
            {
                gate.Provide(parameter, input.Value);
            }
        }
    }
}

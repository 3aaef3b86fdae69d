using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Kernel.Events;

/// <summary>Handles an in-process event inside the publisher's unit of work (same DbContext, same transaction).</summary>
public interface IDomainEventHandler<in TEvent>
{
    Task HandleAsync(TEvent domainEvent, CancellationToken ct);
}

/// <summary>Publishes in-process events to every registered handler, in the caller's scope; the caller saves.</summary>
public sealed class DomainEvents(IServiceProvider services)
{
    public async Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken ct)
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync(domainEvent, ct);
        }
    }
}

/// <summary>
/// A handler refuses the publisher's unit of work, with a message for the user (the last box of a paid drug went to
/// another patient); the publisher rolls its transaction back and answers with the message.
/// </summary>
public sealed class EventRefusedException : Exception
{
    public EventRefusedException()
    {
    }

    public EventRefusedException(string message) : base(message)
    {
    }

    public EventRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Kernel.Modules;

/// <summary>
/// Marks one thing a user does (register a visit, take a payment, list the queue): one class with the request it
/// takes, its validation and a HandleAsync method, its services by constructor injection. The endpoint and the screen
/// call the same handler. The host registers every use case of every module, scoped.
/// </summary>
public interface IUseCase;

public static class UseCaseRegistration
{
    /// <summary>Registers every non-abstract <see cref="IUseCase"/> of the assembly as a scoped service of its own type.</summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(t)))
        {
            services.AddScoped(type);
        }
        return services;
    }
}

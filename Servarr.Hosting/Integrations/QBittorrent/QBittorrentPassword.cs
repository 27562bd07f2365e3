using System.Security.Cryptography;
using System.Text;

namespace Servarr.Hosting.Integrations.QBittorrent;

/// <summary>
/// qBittorrent's WebUI password hash, the value of <c>[Preferences] WebUI\Password_PBKDF2</c>: PBKDF2-HMAC-SHA512 with
/// 100,000 iterations over a random 16-byte salt, 64-byte key, stored as <c>@ByteArray(base64(salt):base64(key))</c>
/// (qbittorrent/qBittorrent@release-5.2.3: src/base/utils/password.cpp). qBittorrent never stores the password itself,
/// and neither does Servarr: only this hash goes into the seed script.
/// </summary>
/// <example>
/// <code>
/// var stored = QBittorrentPassword.Hash("adminadmin");          // "@ByteArray(&lt;salt&gt;:&lt;key&gt;)", a new salt each call
/// var ok = QBittorrentPassword.Verify("adminadmin", stored);    // true
/// </code>
/// </example>
public static class QBittorrentPassword
{
    /// <summary>PBKDF2 iterations (<c>hashIterations = 100000</c>).</summary>
    public const int Iterations = 100_000;

    /// <summary>Salt length in bytes (4 × uint32).</summary>
    public const int SaltSize = 16;

    /// <summary>Derived key length in bytes (<c>std::array&lt;unsigned char, 64&gt;</c>).</summary>
    public const int KeySize = 64;

    private const string Prefix = "@ByteArray(";

    /// <summary>The stored form of <paramref name="password"/> with a new random salt.</summary>
    public static string Hash(string password) => Hash(password, RandomNumberGenerator.GetBytes(SaltSize));

    /// <summary>The stored form of <paramref name="password"/> with the given 16-byte salt (for tests and vectors).</summary>
    /// <exception cref="ArgumentException">The salt is not 16 bytes.</exception>
    public static string Hash(string password, ReadOnlySpan<byte> salt)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (salt.Length != SaltSize)
        {
            throw new ArgumentException($"qBittorrent's salt is {SaltSize} bytes, not {salt.Length}.", nameof(salt));
        }

        var key = Derive(password, salt);
        return $"{Prefix}{Convert.ToBase64String(salt)}:{Convert.ToBase64String(key)})";
    }

    /// <summary>
    /// Whether <paramref name="password"/> matches <paramref name="stored"/> (with or without the <c>@ByteArray(…)</c>
    /// wrapper), compared in constant time; false for a value that is not a qBittorrent hash.
    /// </summary>
    public static bool Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(stored);
        var value = stored.StartsWith(Prefix, StringComparison.Ordinal) && stored.EndsWith(')') ? stored[Prefix.Length..^1] : stored;
        var parts = value.Split(':');
        if (parts.Length != 2)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[0]);
            var key = Convert.FromBase64String(parts[1]);
            return salt.Length == SaltSize && key.Length == KeySize && CryptographicOperations.FixedTimeEquals(Derive(password, salt), key);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Derive(string password, ReadOnlySpan<byte> salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, KeySize);
}

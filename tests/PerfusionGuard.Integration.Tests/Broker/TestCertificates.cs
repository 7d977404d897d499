using System.IO;

namespace PerfusionGuard.Integration.Tests.Broker
{
    /// <summary>A test CA and a broker certificate for 127.0.0.1 / localhost, made with openssl at test time.</summary>
    public sealed class TestCertificates
    {
        private TestCertificates(string directory)
        {
            CaFile = Path.Combine(directory, "ca.crt");
            ServerCertFile = Path.Combine(directory, "server.crt");
            ServerKeyFile = Path.Combine(directory, "server.key");
        }

        /// <summary>PEM of the CA that signed the broker's certificate.</summary>
        public string CaFile { get; }

        /// <summary>PEM of the broker's certificate.</summary>
        public string ServerCertFile { get; }

        /// <summary>PEM of the broker's key.</summary>
        public string ServerKeyFile { get; }

        /// <summary>Generates a CA (prefix <paramref name="name"/>) and a server certificate it signs, in <paramref name="directory"/>.</summary>
        public static TestCertificates Create(string directory, string name = "PerfusionGuard Test CA")
        {
            Directory.CreateDirectory(directory);
            var certificates = new TestCertificates(directory);
            File.WriteAllText(Path.Combine(directory, "san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
            MosquittoBroker.Run("openssl", $"req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj \"/CN={name}\"", directory);
            MosquittoBroker.Run("openssl", "req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=127.0.0.1", directory);
            MosquittoBroker.Run("openssl", "x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 2 -extfile san.ext", directory);
            return certificates;
        }
    }
}

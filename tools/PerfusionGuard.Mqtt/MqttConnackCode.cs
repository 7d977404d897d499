namespace PerfusionGuard.Mqtt
{
    /// <summary>CONNACK return codes of MQTT 3.1.1 (§3.2.2.3).</summary>
    public enum MqttConnackCode : byte
    {
        Accepted = 0,
        UnacceptableProtocolVersion = 1,
        IdentifierRejected = 2,
        ServerUnavailable = 3,
        BadUsernameOrPassword = 4,
        NotAuthorized = 5,
    }

    /// <summary>What each CONNACK code means, in words a person can act on.</summary>
    public static class MqttConnackCodes
    {
        /// <summary>"5 (not authorized): ..." for any code, including ones the standard does not define.</summary>
        public static string Describe(byte code) => code switch
        {
            0 => "0 (accepted)",
            1 => "1 (unacceptable protocol version): the broker does not speak MQTT 3.1.1",
            2 => "2 (identifier rejected): the broker refused the client id",
            3 => "3 (server unavailable): the broker is up but the MQTT service is not",
            4 => "4 (bad user name or password): check --user / --password",
            5 => "5 (not authorized): the broker refused these credentials or this client",
            _ => code + " (not a MQTT 3.1.1 CONNACK code)",
        };
    }
}

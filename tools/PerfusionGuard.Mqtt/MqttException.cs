using System;

namespace PerfusionGuard.Mqtt
{
    /// <summary>An MQTT connection or protocol failure, with a message that says where and what.</summary>
    public class MqttException : Exception
    {
        public MqttException(string message, Exception inner = null)
            : base(message, inner)
        {
        }
    }

    /// <summary>The broker answered CONNECT with a refusal.</summary>
    public sealed class MqttConnectRefusedException : MqttException
    {
        public MqttConnectRefusedException(string endpoint, byte code)
            : base($"MQTT broker {endpoint} refused the connection: CONNACK return code {MqttConnackCodes.Describe(code)}")
        {
            Code = (MqttConnackCode)code;
        }

        /// <summary>The CONNACK return code.</summary>
        public MqttConnackCode Code { get; }
    }

    /// <summary>The peer sent bytes that are not valid MQTT 3.1.1.</summary>
    public sealed class MqttProtocolException : MqttException
    {
        public MqttProtocolException(string message)
            : base(message)
        {
        }
    }
}

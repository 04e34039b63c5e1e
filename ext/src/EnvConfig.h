// TrueAsync\Temporal\Core\EnvConfig: client profiles resolved by the core's envconfig.
#ifndef TEMPORAL_ENV_CONFIG_H
#define TEMPORAL_ENV_CONFIG_H

namespace temporal {

void registerEnvConfig();

}  // namespace temporal

#endif

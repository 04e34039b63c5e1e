<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Deployment;

use TrueAsync\Temporal\Api\Deployment\V1\WorkerDeploymentVersion;
use TrueAsync\Temporal\Api\Workflowservice\V1\DescribeWorkerDeploymentRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\DescribeWorkerDeploymentResponse;
use TrueAsync\Temporal\Api\Workflowservice\V1\DescribeWorkerDeploymentVersionRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\DescribeWorkerDeploymentVersionResponse;
use TrueAsync\Temporal\Api\Workflowservice\V1\ListWorkerDeploymentsRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\ListWorkerDeploymentsResponse;
use TrueAsync\Temporal\Api\Workflowservice\V1\SetWorkerDeploymentCurrentVersionRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\SetWorkerDeploymentCurrentVersionResponse;
use TrueAsync\Temporal\Api\Workflowservice\V1\SetWorkerDeploymentRampingVersionRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\SetWorkerDeploymentRampingVersionResponse;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Internal\RpcTimeoutCopies;
use TrueAsync\Temporal\Internal\Utf8;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * The Worker Deployments of the client's namespace (Client::workerDeployments()): what versions each has and
 * where new and auto-upgrading workflows go. A deployment and its versions appear when a worker with
 * WorkerDeploymentOptions polls; setting a version current or ramping fails until the server has seen it
 * poll (describeVersion() succeeds from then on). Calls block until the server answers.
 */
final class WorkerDeploymentClient
{
    use RpcTimeoutCopies;

    /** @internal made by Client::workerDeployments() */
    public function __construct(private WorkflowService $service)
    {
    }

    /**
     * @throws ServiceException the deployment does not exist (NOT_FOUND), or another gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function describe(string $deploymentName): WorkerDeploymentDescription
    {
        $response = $this->service->call('DescribeWorkerDeployment', new DescribeWorkerDeploymentRequest([
            'namespace' => $this->service->getNamespace(),
            'deployment_name' => self::name($deploymentName, 'describe'),
        ]), DescribeWorkerDeploymentResponse::class);
        return WorkerDeploymentDescription::fromMessage($response->getWorkerDeploymentInfo());
    }

    /**
     * @throws ServiceException the version does not exist (NOT_FOUND: no worker of it polled yet), or another status
     * @throws TemporalException the bridge failed
     */
    public function describeVersion(string $deploymentName, string $buildId): WorkerDeploymentVersionDescription
    {
        $response = $this->service->call('DescribeWorkerDeploymentVersion', new DescribeWorkerDeploymentVersionRequest([
            'namespace' => $this->service->getNamespace(),
            'deployment_version' => self::version($deploymentName, $buildId, 'describeVersion'),
        ]), DescribeWorkerDeploymentVersionResponse::class);
        return WorkerDeploymentVersionDescription::fromMessage($response->getWorkerDeploymentVersionInfo());
    }

    /**
     * Where new workflows of the deployment's task queues go, and auto-upgrading ones move: version $buildId,
     * or unversioned workers with null.
     *
     * @throws ServiceException the version has not polled yet (FAILED_PRECONDITION/NOT_FOUND), or another status
     * @throws TemporalException the bridge failed
     */
    public function setCurrentVersion(string $deploymentName, ?string $buildId): void
    {
        $this->service->call('SetWorkerDeploymentCurrentVersion', new SetWorkerDeploymentCurrentVersionRequest([
            'namespace' => $this->service->getNamespace(),
            'deployment_name' => self::name($deploymentName, 'setCurrentVersion'),
            'build_id' => $buildId === null ? '' : self::name($buildId, 'setCurrentVersion', 'build id'),
            'identity' => $this->service->getIdentity(),
        ]), SetWorkerDeploymentCurrentVersionResponse::class);
    }

    /**
     * Sends $percentage (0 to 100) of new and auto-upgrading workflows to version $buildId instead of the
     * current version; null stops ramping.
     *
     * @throws \ValueError $percentage is not 0 to 100
     * @throws ServiceException the version has not polled yet, or another gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function setRampingVersion(string $deploymentName, ?string $buildId, float $percentage): void
    {
        if (!($percentage >= 0 && $percentage <= 100)) {
            throw new \ValueError("WorkerDeploymentClient::setRampingVersion(): the percentage must be 0 to 100, got $percentage");
        }
        $this->service->call('SetWorkerDeploymentRampingVersion', new SetWorkerDeploymentRampingVersionRequest([
            'namespace' => $this->service->getNamespace(),
            'deployment_name' => self::name($deploymentName, 'setRampingVersion'),
            'build_id' => $buildId === null ? '' : self::name($buildId, 'setRampingVersion', 'build id'),
            'percentage' => $buildId === null ? 0.0 : $percentage,
            'identity' => $this->service->getIdentity(),
        ]), SetWorkerDeploymentRampingVersionResponse::class);
    }

    /**
     * The names of the namespace's Worker Deployments, all pages fetched. It comes from the server's
     * visibility store, which lags: a deployment whose first worker just polled may be missing a moment.
     *
     * @return list<string>
     * @throws ServiceException|TemporalException
     */
    public function listDeployments(): array
    {
        [$names, $token] = [[], ''];
        do {
            $response = $this->service->call('ListWorkerDeployments', new ListWorkerDeploymentsRequest([
                'namespace' => $this->service->getNamespace(),
                'next_page_token' => $token,
            ]), ListWorkerDeploymentsResponse::class);
            foreach ($response->getWorkerDeployments() as $summary) {
                $names[] = $summary->getName();
            }
            $token = $response->getNextPageToken();
        } while ($token !== '');
        return $names;
    }

    private static function name(string $value, string $method, string $what = 'deployment name'): string
    {
        if (trim($value) === '') {
            throw new \ValueError("WorkerDeploymentClient::$method(): the $what must not be empty");
        }
        Utf8::check($value, "WorkerDeploymentClient::$method(): the $what");
        return $value;
    }

    private static function version(string $deploymentName, string $buildId, string $method): WorkerDeploymentVersion
    {
        return new WorkerDeploymentVersion(['deployment_name' => self::name($deploymentName, $method),
            'build_id' => self::name($buildId, $method, 'build id')]);
    }
}

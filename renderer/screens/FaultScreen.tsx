export function FaultScreen({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="page">
      <section className="card fault" role="alert">
        <h1>年报助手暂时无法打开数据</h1>
        <p className="fault-message">{message}</p>
        <p>已经保存的内容不会因此丢失。处理好上面说的问题后，点「重试」。</p>
        <button className="primary" onClick={onRetry}>
          重试
        </button>
      </section>
    </div>
  );
}
